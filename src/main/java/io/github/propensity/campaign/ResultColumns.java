// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import io.github.propensity.data.DataException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the named columns are in a results file's header, and which of the rest are balance covariates: all but the
 * arm, outcome, value, id, breakdown and dropped columns.
 *
 * @param value -1 when there is none, as {@code by} and {@code id}
 */
record ResultColumns(int arm, int outcome, int value, int by, int id, List<String> featureNames, int[] features) {
    static ResultColumns resolve(Path file, List<String> header, ReadoutRequest request) {
        int arm = index(file, header, request.armColumn(), "--arm");
        int outcome = index(file, header, request.outcomeColumn(), "--outcome");
        int value = request.valueColumn().map(name -> index(file, header, name, "--value")).orElse(-1);
        int by = request.byColumn().map(name -> index(file, header, name, "--by")).orElse(-1);
        int id = request.idColumn().map(name -> index(file, header, name, "--id")).orElse(-1);
        Set<Integer> excluded = new LinkedHashSet<>(List.of(arm, outcome, value, by, id));
        for (String name : request.drop()) {
            excluded.add(index(file, header, name, "--drop"));
        }
        if (arm == outcome) {
            throw DataException.inFile(file, "the arm and the outcome are the same column '" + header.get(arm) + "'");
        }
        List<String> names = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int column = 0; column < header.size(); column++) {
            if (!excluded.contains(column)) {
                names.add(header.get(column));
                indexes.add(column);
            }
        }
        return new ResultColumns(arm, outcome, value, by, id, List.copyOf(names), indexes.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int index(Path file, List<String> header, String name, String option) {
        int index = header.indexOf(name.strip());
        if (index < 0) {
            throw DataException.inFile(file, "has no column '" + name.strip() + "' (" + option + "); its columns are: "
                    + String.join(", ", header));
        }
        return index;
    }
}
