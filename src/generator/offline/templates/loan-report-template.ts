import { BASE_CSS, REPORT_CSS } from '../page-shell.ts';
import { escapeHtmlAscii, sourceStringLiteral, type Template } from '../template.ts';

// Python 3 stdlib only, ASCII source and output (entities for symbols) whatever the locale.
const mainPy = (titleLiteral: string, cssLiteral: string) => String.raw`"""Prints an HTML loan amortisation report to stdout."""
TITLE = ${titleLiteral}
CSS = ${cssLiteral}
PRINCIPAL = 250000.00
ANNUAL_RATE = 0.042
YEARS = 25
COMPARE_YEARS = (10, 15, 20, 25, 30)


def monthly_payment(principal, annual_rate, years):
    rate, months = annual_rate / 12, years * 12
    if rate == 0:
        return principal / months
    return principal * rate / (1 - (1 + rate) ** -months)


def schedule(principal, annual_rate, years):
    payment = round(monthly_payment(principal, annual_rate, years), 2)
    balance, rows = principal, []
    for month in range(1, years * 12 + 1):
        interest = round(balance * annual_rate / 12, 2)
        # The last payment settles whatever rounding left over.
        repaid = balance if month == years * 12 else min(balance, round(payment - interest, 2))
        balance = round(balance - repaid, 2)
        rows.append((month, interest + repaid, interest, repaid, balance))
    return payment, rows


def money(value):
    return "{:,.2f}".format(value)


def table(head, rows):
    out = ["<div class=\"scroll\"><table><thead><tr>"]
    out += ["<th>%s</th>" % h for h in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join("<td>%s</td>" % c for c in row) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def main():
    payment, rows = schedule(PRINCIPAL, ANNUAL_RATE, YEARS)
    total_paid = sum(r[1] for r in rows)
    total_interest = sum(r[2] for r in rows)
    years = []
    for year in range(YEARS):
        chunk = rows[year * 12:(year + 1) * 12]
        end_balance = chunk[-1][4]
        bar = "<div class=\"bar\" style=\"width:%d%%\"></div>" % round(100 * end_balance / PRINCIPAL)
        years.append((year + 1, money(sum(r[2] for r in chunk)), money(sum(r[3] for r in chunk)), money(end_balance), bar))
    compare = []
    for term in COMPARE_YEARS:
        p = monthly_payment(PRINCIPAL, ANNUAL_RATE, term)
        compare.append(("%d years" % term, money(p), money(p * term * 12 - PRINCIPAL)))
    stats = [
        (money(PRINCIPAL), "borrowed"),
        ("%.2f%%" % (ANNUAL_RATE * 100), "fixed yearly rate"),
        ("%d years" % YEARS, "term (%d payments)" % len(rows)),
        (money(payment), "monthly payment"),
        (money(total_interest), "total interest"),
        (money(total_paid), "total repaid"),
    ]
    print("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
    print("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    print("<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n<main>" % (TITLE, CSS))
    print("<h1>%s</h1>" % TITLE)
    print("<p class=\"tagline\">Amortisation of a %s loan at %.2f%% over %d years, paid monthly.</p>" % (money(PRINCIPAL), ANNUAL_RATE * 100, YEARS))
    print("<section class=\"card\"><h2>Summary</h2><div class=\"stats\">")
    print("".join("<div class=\"stat\"><b>%s</b><span>%s</span></div>" % s for s in stats))
    print("</div></section>")
    print("<section class=\"card\"><h2>Year by year</h2>")
    print(table(["Year", "Interest", "Principal", "Balance", "Balance left"], years))
    print("</section>\n<section class=\"card\"><h2>First twelve payments</h2>")
    print(table(["Month", "Payment", "Interest", "Principal", "Balance"], [(r[0],) + tuple(money(v) for v in r[1:]) for r in rows[:12]]))
    print("</section>\n<section class=\"card\"><h2>Other terms, same rate</h2>")
    print(table(["Term", "Monthly payment", "Total interest"], compare))
    print("</section>\n<footer>Computed by a script SpawnAI built from an offline template</footer>\n</main>\n</body>\n</html>")


if __name__ == "__main__":
    main()
`;

export const loanReportTemplate: Template = {
  id: 'loan-report',
  appType: 'script',
  keywords: ['loan', 'mortgage', 'amortization', 'amortisation', 'interest', 'repayment', 'finance', 'prêt', 'emprunt', 'crédit', 'hypothèque', 'amortissement', 'intérêt', 'mensualité', 'immobilier'],
  description: 'A run-once Python script that prints a loan amortisation report (yearly and monthly tables).',
  render: (title) => [
    { path: 'main.py', content: mainPy(sourceStringLiteral(escapeHtmlAscii(title)), sourceStringLiteral(BASE_CSS + REPORT_CSS)) },
  ],
};
