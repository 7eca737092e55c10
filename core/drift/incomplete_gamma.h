#pragma once

namespace assay::drift {

// Q(a, x) = Gamma(a, x) / Gamma(a), the regularized upper incomplete gamma function, for
// a > 0, x >= 0: a power series for P = 1 - Q when x < a + 1, else Legendre's continued
// fraction (modified Lentz). Q(a, inf) = 0; NaN outside the domain.
double regularizedGammaQ(double a, double x);

// P(X >= x) for a chi-square variable with `dof` degrees of freedom (scipy's chi2.sf);
// NaN when dof <= 0.
double chiSquareSf(double x, double dof);

} // namespace assay::drift
