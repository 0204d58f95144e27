// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.Persona;
import io.github.propensity.model.PersonaModel;
import io.github.propensity.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Personas recover known groups, ignore columns without structure, repeat for a seed and refuse bad requests. */
class PersonaFitterTest {
    @TempDir
    Path folder;

    private static PersonaSettings settings(PersonaSettings.PersonaCount count, long seed) {
        return new PersonaSettings(count, new PersonaSettings.AllColumns(), "customer_id", seed);
    }

    private PersonaFitter.Fit fit(Path base, PersonaSettings settings, Optional<PersonaBundle> current) {
        return PersonaFitter.fit(base, null, settings, current, Optional.empty(), folder.resolve("no-models"));
    }

    private int[] assign(Path base, PersonaModel model, String name) throws IOException {
        Path out = folder.resolve(name);
        PersonaAssigner.assign(base, null, "customer_id", model, out, 2);
        List<String> lines = Files.readAllLines(out);
        int[] ids = new int[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            ids[i - 1] = Integer.parseInt(lines.get(i).split(",")[1]);
        }
        return ids;
    }

    @Test
    void recoversWellSeparatedGroupsAndLeavesOutColumnsWithoutStructure() throws IOException {
        Path base = folder.resolve("base.csv");
        int[] truth = SyntheticBase.write(base, 4000, 3, 0, 1, 2, 3);
        PersonaFitter.Fit fit = fit(base, settings(new PersonaSettings.Auto(), 42), Optional.empty());
        assertEquals(4, fit.model().personas().size(), fit.card().k().reason());
        assertTrue(AdjustedRandIndex.of(truth, assign(base, fit.model(), "personas.csv")) > 0.9);
        for (String noise : List.of("account_number", "tenure_days", "noise")) {
            PersonaCard.ColumnReport report = fit.card().columns().stream().filter(c -> c.name().equals(noise)).findFirst().orElseThrow();
            assertTrue(report.decision().startsWith("left out"), noise + ": " + report.decision());
            assertTrue(report.separation() < ColumnScreen.MIN_SEPARATION);
        }
        assertEquals(List.of("visits", "orders", "tickets", "discounts", "plan"), fit.model().space().columns());
        assertEquals(6, fit.card().k().candidates().size(), "figures for every k from 3 to 8");
    }

    @Test
    void sameDataAndSeedGiveTheSameBundleApartFromItsCreationTime() throws IOException {
        Path base = folder.resolve("base.csv");
        SyntheticBase.write(base, 2000, 5, 0, 1, 2);
        PersonaStore first = new PersonaStore(folder.resolve("a"), Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC));
        PersonaStore second = new PersonaStore(folder.resolve("b"), Clock.fixed(Instant.parse("2026-01-12T10:00:00Z"), ZoneOffset.UTC));
        PersonaCard one = first.publish(fit(base, settings(new PersonaSettings.Auto(), 9), Optional.empty()));
        PersonaCard two = second.publish(fit(base, settings(new PersonaSettings.Auto(), 9), Optional.empty()));
        Path oneDirectory = folder.resolve("a/personas").resolve(one.version());
        Path twoDirectory = folder.resolve("b/personas").resolve(two.version());
        assertArrayEquals(Files.readAllBytes(oneDirectory.resolve(PersonaStore.MODEL)), Files.readAllBytes(twoDirectory.resolve(PersonaStore.MODEL)));
        assertEquals(withoutVersionAndTime(oneDirectory.resolve(PersonaStore.CARD_JSON), one),
                withoutVersionAndTime(twoDirectory.resolve(PersonaStore.CARD_JSON), two));
    }

    private static String withoutVersionAndTime(Path card, PersonaCard published) throws IOException {
        return Files.readString(card, StandardCharsets.UTF_8).replace(published.version(), "V").replace(published.createdAt().toString(), "T");
    }

    @Test
    void aRefitOnFreshlyDrawnCustomersKeepsIdsAndTheTeamsNames() throws IOException {
        Path week1 = folder.resolve("week1.csv");
        Path week2 = folder.resolve("week2.csv");
        SyntheticBase.write(week1, 3000, 1, 0, 1, 2, 3);
        int[] truth2 = SyntheticBase.write(week2, 3000, 2, 0, 1, 2, 3);
        PersonaStore store = new PersonaStore(folder.resolve("models"));
        PersonaSettings fixed = settings(new PersonaSettings.Fixed(4), 42);
        PersonaFitter.Fit first = fit(week1, fixed, Optional.empty());
        Path names = folder.resolve("names.json");
        Files.writeString(names, "{\"2\": {\"name\": \"Weekend shoppers\", \"description\": \"Buy on Saturdays\"}}");
        first = PersonaFitter.fit(week1, null, fixed, Optional.empty(), Optional.of(PersonaNames.read(names)), folder.resolve("no-models"));
        store.publish(first);
        int[] before = assign(week2, first.model(), "before.csv");

        PersonaFitter.Fit second = fit(week2, settings(new PersonaSettings.Fixed(4), 43), store.current());
        PersonaCard.Refit refit = second.card().refit();
        assertEquals(List.of(), refit.appeared());
        assertEquals(List.of(), refit.vanished());
        assertTrue(refit.agreement() > 0.95, "agreement " + refit.agreement());
        int[] after = assign(week2, second.model(), "after.csv");
        // Ids are kept: the old and new models give the same customers the same persona id, not only the same partition.
        int same = 0;
        for (int i = 0; i < before.length; i++) {
            same += before[i] == after[i] ? 1 : 0;
        }
        assertTrue(same > 0.97 * before.length, same + " of " + before.length + " keep their persona id");
        Persona weekendShoppers = second.model().personas().get(second.model().indexOf(2));
        assertEquals("Weekend shoppers", weekendShoppers.name());
        assertEquals(Persona.NameSource.TEAM, weekendShoppers.nameSource());
        assertTrue(AdjustedRandIndex.of(truth2, after) > 0.9);
    }

    @Test
    void aRefitReportsAPersonaVanishedWhenItsGroupIsGone() throws IOException {
        Path week1 = folder.resolve("week1.csv");
        Path week2 = folder.resolve("week2.csv");
        SyntheticBase.write(week1, 3000, 1, 0, 1, 2, 3);
        SyntheticBase.write(week2, 3000, 2, 0, 1, 3);
        PersonaStore store = new PersonaStore(folder.resolve("models"));
        PersonaFitter.Fit first = fit(week1, settings(new PersonaSettings.Fixed(4), 42), Optional.empty());
        store.publish(first);
        // The persona that held group 2 (means 0, 5, 5, 0): nearest centroid to that group's mean in the first space.
        int[] truth1 = SyntheticBase.write(folder.resolve("again.csv"), 3000, 1, 0, 1, 2, 3);
        int[] assigned = assign(week1, first.model(), "first.csv");
        int groupTwoPersona = -1;
        for (int i = 0; i < truth1.length; i++) {
            if (truth1[i] == 2) {
                groupTwoPersona = assigned[i];
                break;
            }
        }
        PersonaFitter.Fit second = fit(week2, settings(new PersonaSettings.Fixed(3), 42), store.current());
        assertEquals(List.of(groupTwoPersona), second.card().refit().vanished());
        assertEquals(List.of(), second.card().refit().appeared());
        assertEquals(3, second.card().refit().kept().size());
    }

    @Test
    void theCardsSharesAndMediansMatchTheAssignmentOfEveryCustomer() throws IOException {
        Path base = folder.resolve("base.csv");
        SyntheticBase.write(base, 1500, 8, 0, 1, 2);
        PersonaFitter.Fit fit = fit(base, settings(new PersonaSettings.Fixed(3), 42), Optional.empty());
        int[] assigned = assign(base, fit.model(), "assigned.csv");
        List<String> lines = Files.readAllLines(base);
        for (PersonaCard.PersonaProfile persona : fit.card().personas()) {
            List<Double> visits = new ArrayList<>();
            for (int i = 0; i < assigned.length; i++) {
                if (assigned[i] == persona.id()) {
                    visits.add(Double.parseDouble(lines.get(i + 1).split(",")[1]));
                }
            }
            visits.sort(null);
            int n = visits.size();
            double median = n % 2 == 1 ? visits.get(n / 2) : (visits.get(n / 2 - 1) + visits.get(n / 2)) / 2;
            assertEquals(n / 1500.0, persona.share(), 1e-4);
            PersonaCard.FeatureProfile profile = persona.features().stream().filter(f -> f.column().equals("visits")).findFirst().orElseThrow();
            assertEquals(median, profile.median(), 1e-4);
        }
    }

    @Test
    void refusesFewerRowsThanFiftyPerPersona() throws IOException {
        Path base = folder.resolve("small.csv");
        SyntheticBase.write(base, 199, 1, 0, 1);
        DataException failure = assertThrows(DataException.class, () -> fit(base, settings(new PersonaSettings.Fixed(4), 1), Optional.empty()));
        assertTrue(failure.getMessage().contains("4 personas need at least 200"), failure.getMessage());
    }

    @Test
    void refusesABaseWithoutUsableFeatureColumns() throws IOException {
        Path base = folder.resolve("ids.csv");
        StringBuilder text = new StringBuilder("customer_id,constant\n");
        for (int i = 0; i < 300; i++) {
            text.append("K").append(i).append(",same\n");
        }
        Files.writeString(base, text);
        DataException failure = assertThrows(DataException.class, () -> fit(base, settings(new PersonaSettings.Auto(), 1), Optional.empty()));
        assertTrue(failure.getMessage().contains("no usable feature columns"), failure.getMessage());
    }

    @Test
    void refusesNamesForIdsTheModelDoesNotHave() throws IOException {
        Path base = folder.resolve("base.csv");
        SyntheticBase.write(base, 1000, 1, 0, 1, 2);
        Path names = folder.resolve("names.json");
        Files.writeString(names, "{\"1\": \"Loyal\", \"9\": \"Nobody\"}");
        DataException failure = assertThrows(DataException.class, () -> PersonaFitter.fit(base, null, settings(new PersonaSettings.Fixed(3), 1),
                Optional.empty(), Optional.of(PersonaNames.read(names)), folder));
        assertTrue(failure.getMessage().contains("[9]"), failure.getMessage());
    }

    @Test
    void refusesAPersonaCountOutsideTwoToTwenty() {
        assertThrows(IllegalArgumentException.class, () -> new PersonaSettings.Fixed(1));
        assertThrows(IllegalArgumentException.class, () -> new PersonaSettings.Fixed(21));
    }
}
