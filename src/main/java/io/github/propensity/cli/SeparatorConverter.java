// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;

/** {@code --sep}: one ASCII character (the reader splits bytes), with {@code tab} or {@code \t} for a tab since shells make a literal tab awkward. */
final class SeparatorConverter implements CommandLine.ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
        if (value.equalsIgnoreCase("tab") || value.equals("\\t") || value.equals("\t")) {
            return '\t';
        }
        if (value.length() != 1 || value.charAt(0) > 0x7f || value.equals("\"") || value.equals("\n") || value.equals("\r")) {
            throw new CommandLine.TypeConversionException("--sep takes one ASCII character such as , ; | or 'tab', got '" + value + "'");
        }
        return value.charAt(0);
    }
}
