#!/usr/bin/python3
"""Writes a transaction log drawn from the BG/NBD and Gamma-Gamma models with known parameters (standard library only).

Customers first buy on a day drawn uniformly over the first FIRST_DAYS days; while active they buy as a Poisson
process with rate lambda ~ Gamma(r, alpha) per week and drop out after each repeat purchase with probability
p ~ Beta(a, b); each purchase is worth Gamma(p_value, nu) with nu ~ Gamma(q, gamma) per customer. One line per
purchase (customer_id, date, amount), at most one per customer and day (same-day purchases merge in the models).
Used by scripts/bench-value.sh; the fit should recover the parameters printed on stderr.

    /usr/bin/python3 scripts/simulate-value-log.py CUSTOMERS OUT.csv [SEED]
"""
import datetime
import random
import sys

R, ALPHA, A, B = 0.25, 4.0, 0.8, 2.5
P_VALUE, Q, GAMMA = 6.0, 4.0, 15.0
FIRST_DAYS, TOTAL_DAYS = 364, 728
START = datetime.date(2024, 1, 1)


def main():
    customers, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    dates = [(START + datetime.timedelta(days=d)).isoformat() for d in range(TOTAL_DAYS + 1)]
    lines = 0
    with open(out, "w") as f:
        f.write("customer_id,date,amount\n")
        for c in range(1, customers + 1):
            rate = rng.gammavariate(R, 1 / ALPHA) / 7  # per day
            dropout = rng.betavariate(A, B)
            nu = rng.gammavariate(Q, 1 / GAMMA)
            day = rng.randrange(FIRST_DAYS)
            customer = "V%08d" % c
            last = -1
            while day <= TOTAL_DAYS:
                if int(day) != last:
                    f.write("%s,%s,%.2f\n" % (customer, dates[int(day)], rng.gammavariate(P_VALUE, 1 / nu)))
                    lines += 1
                    # BG/NBD's dropout chance follows every repeat purchase, not the first one (the likelihood's (1-p)^x).
                    if last >= 0 and rng.random() < dropout:
                        break
                    last = int(day)
                if rate <= 0:
                    break
                day += rng.expovariate(rate)
    sys.stderr.write("%d customers, %d lines; true r=%g alpha=%g a=%g b=%g p=%g q=%g gamma=%g; log %s to %s\n" % (
        customers, lines, R, ALPHA, A, B, P_VALUE, Q, GAMMA, dates[0], dates[-1]))


if __name__ == "__main__":
    main()
