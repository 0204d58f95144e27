// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

/**
 * The named RFM segments marketers read a base by, from the recency score R and frequency score F (1 to 5 each).
 * Monetary value is scored but, as in the usual R×F grid, does not change the name: it moves with frequency for
 * most customers. The grid, R down and F across:
 *
 * <pre>
 *        F=1              F=2                  F=3                  F=4              F=5
 *  R=5   New customers    Potential loyalists  Potential loyalists  Champions        Champions
 *  R=4   Promising        Potential loyalists  Potential loyalists  Loyal            Loyal
 *  R=3   About to sleep   About to sleep       Need attention       Loyal            Loyal
 *  R=2   Hibernating      Hibernating          At risk              At risk          Can't lose them
 *  R=1   Lost             Hibernating          At risk              At risk          Can't lose them
 * </pre>
 */
public enum RfmSegment {
    CHAMPIONS("Champions", "bought recently and often"),
    LOYAL("Loyal", "buy often, not the most recently"),
    POTENTIAL_LOYALISTS("Potential loyalists", "recent, with a few orders"),
    NEW_CUSTOMERS("New customers", "bought very recently, once or rarely"),
    PROMISING("Promising", "recent, rarely"),
    NEED_ATTENTION("Need attention", "middling recency and frequency"),
    ABOUT_TO_SLEEP("About to sleep", "middling recency, rarely"),
    AT_RISK("At risk", "used to buy often, not lately"),
    CANT_LOSE_THEM("Can't lose them", "among the most frequent, not lately"),
    HIBERNATING("Hibernating", "long ago and rarely"),
    LOST("Lost", "the longest ago and the least often");

    private final String label;
    private final String meaning;

    RfmSegment(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    public static RfmSegment of(int recencyScore, int frequencyScore) {
        if (recencyScore < 1 || recencyScore > 5 || frequencyScore < 1 || frequencyScore > 5) {
            throw new IllegalArgumentException("RFM scores run from 1 to 5, got R=" + recencyScore + " F=" + frequencyScore);
        }
        return switch (recencyScore) {
            case 5 -> frequencyScore == 1 ? NEW_CUSTOMERS : frequencyScore <= 3 ? POTENTIAL_LOYALISTS : CHAMPIONS;
            case 4 -> frequencyScore == 1 ? PROMISING : frequencyScore <= 3 ? POTENTIAL_LOYALISTS : LOYAL;
            case 3 -> frequencyScore <= 2 ? ABOUT_TO_SLEEP : frequencyScore == 3 ? NEED_ATTENTION : LOYAL;
            default -> frequencyScore == 5 ? CANT_LOSE_THEM : frequencyScore >= 3 ? AT_RISK
                    : recencyScore == 1 && frequencyScore == 1 ? LOST : HIBERNATING;
        };
    }
}
