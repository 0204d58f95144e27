// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.util.Arrays;
import java.util.Objects;

/**
 * A transaction log reduced to orders, grouped by customer and sorted by day: what point-in-time features are
 * computed from. An order is one invoice's lines of one day (without invoice numbers, one customer's lines of one
 * day); the returned lines of an invoice, and cancellation invoices, form separate return orders so that a return
 * never counts as a purchase.
 *
 * <p>Arrays are indexed by order; the orders of customer {@code c} are {@code orderStart[c] .. orderStart[c+1]-1}.
 */
public final class TransactionLog {
    private final String[] customerIds;
    private final int[] orderStart;
    private final int[] day;
    private final double[] value;
    private final double[] items;
    private final boolean[] isReturn;
    private final boolean hasItems;
    private final int firstDay;
    private final int lastDay;

    /**
     * @param value    order value: what was bought for a purchase, what was given back (positive) for a return
     * @param items    items in the order (0 when the log has no quantities)
     * @param hasItems whether the log had a quantity column
     */
    TransactionLog(String[] customerIds, int[] orderStart, int[] day, double[] value, double[] items, boolean[] isReturn,
                   boolean hasItems) {
        this.customerIds = Objects.requireNonNull(customerIds);
        this.orderStart = orderStart;
        this.day = day;
        this.value = value;
        this.items = items;
        this.isReturn = isReturn;
        this.hasItems = hasItems;
        if (orderStart.length != customerIds.length + 1 || orderStart[customerIds.length] != day.length) {
            throw new IllegalArgumentException("order offsets do not match the orders");
        }
        this.firstDay = day.length == 0 ? 0 : Arrays.stream(day).min().getAsInt();
        this.lastDay = day.length == 0 ? 0 : Arrays.stream(day).max().getAsInt();
    }

    public int customerCount() {
        return customerIds.length;
    }

    public int orderCount() {
        return day.length;
    }

    public String customerId(int customer) {
        return customerIds[customer];
    }

    int firstOrder(int customer) {
        return orderStart[customer];
    }

    int endOrder(int customer) {
        return orderStart[customer + 1];
    }

    int day(int order) {
        return day[order];
    }

    double value(int order) {
        return value[order];
    }

    double items(int order) {
        return items[order];
    }

    boolean isReturn(int order) {
        return isReturn[order];
    }

    public boolean hasItems() {
        return hasItems;
    }

    /** Earliest day of any order (epoch day); 0 for an empty log. */
    public int firstDay() {
        return firstDay;
    }

    /** Latest day of any order (epoch day): labels cannot look past it. */
    public int lastDay() {
        return lastDay;
    }
}
