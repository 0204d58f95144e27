// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.storage.JsonMappers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureEncoderTest {
    private final FeatureSchema schema = new FeatureSchema(List.of(
            new NumericColumn("tenure", 12.0, 10.0, 4.0, true, List.of("unknown")),
            new BooleanColumn("auto_renew", "yes", "no", 1.0, false),
            new CategoricalColumn("plan", List.of("basic", "premium", CategoricalColumn.MISSING_LEVEL))));

    private double[] encode(String... fields) {
        FeatureEncoder encoder = schema.encoder();
        return encoder.encode(fields, encoder.bind(List.of("tenure", "auto_renew", "plan")));
    }

    @Test
    void namesFeaturesPerColumnInOrder() {
        assertEquals(List.of("tenure", "tenure@missing", "auto_renew", "plan=basic", "plan=premium", "plan=(missing)", "plan=(other)"),
                schema.featureNames());
    }

    @Test
    void standardizesNumbersAndOneHotsCategories() {
        assertArrayEquals(new double[]{0.5, 0, 1, 0, 1, 0, 0}, encode("12", "Yes", "premium"), 1e-12);
    }

    @Test
    void imputesMissingNumbersWithTheMedianAndFlagsThem() {
        assertArrayEquals(new double[]{0.5, 1, 0, 1, 0, 0, 0}, encode("", "no", "basic"), 1e-12);
        assertArrayEquals(new double[]{0.5, 1, 0, 1, 0, 0, 0}, encode("unknown", "no", "basic"), 1e-12);
    }

    @Test
    void unseenCategoryGoesToOtherAndMissingCategoryToItsLevel() {
        assertArrayEquals(new double[]{0, 0, 1, 0, 0, 0, 1}, encode("10", "NA", "enterprise"), 1e-12);
        assertArrayEquals(new double[]{0, 0, 1, 0, 0, 1, 0}, encode("10", "yes", "null"), 1e-12);
    }

    @Test
    void rejectsTextInANumericColumnNamingTheColumnButNotTheValue() {
        FeatureValueException error = assertThrows(FeatureValueException.class, () -> encode("twelve", "yes", "basic"));
        assertEquals("tenure", error.column());
        assertTrue(!error.getMessage().contains("twelve"), error.getMessage());
    }

    @Test
    void rejectsAThirdValueInABooleanColumn() {
        assertThrows(FeatureValueException.class, () -> encode("1", "maybe", "basic"));
    }

    @Test
    void readsAFlagSpelledAsAnotherKnownPair() {
        // Trained on yes/no; a Parquet BOOLEAN column says true/false: auto_renew (third feature) is 1 for true, 0 for false.
        assertEquals(1.0, encode("12", "TRUE", "basic")[2]);
        assertEquals(0.0, encode("12", "false", "basic")[2]);
        assertEquals(0.0, encode("12", "0", "basic")[2]);
    }

    @Test
    void bindingReportsEveryMissingColumnAtOnce() {
        MissingFeatureColumnsException error = assertThrows(MissingFeatureColumnsException.class,
                () -> schema.encoder().bind(List.of("tenure", "other")));
        assertEquals(List.of("auto_renew", "plan"), error.columns());
    }

    @Test
    void bindingFollowsTheHeaderOrderOfTheInput() {
        FeatureEncoder encoder = schema.encoder();
        double[] reordered = encoder.encode(new String[]{"premium", "x", "12", "yes"},
                encoder.bind(List.of("plan", "extra", "tenure", "auto_renew")));
        assertArrayEquals(encode("12", "yes", "premium"), reordered, 0);
    }

    @Test
    void schemaSurvivesAJsonRoundTrip() throws Exception {
        ObjectMapper json = JsonMappers.standard();
        FeatureSchema copy = json.readValue(json.writeValueAsBytes(schema), FeatureSchema.class);
        assertEquals(schema, copy);
    }
}
