#include "explain/efficient_least_squares.h"

#include <Eigen/Dense>

#include <cmath>

namespace assay::explain {

std::vector<double> solveEfficientLeastSquares(const CoalitionSet &coalitions,
                                               std::span<const double> values,
                                               std::span<const double> full,
                                               std::span<const double> empty)
{
    const std::size_t players = coalitions.players;
    const std::size_t outputs = full.size();
    std::vector<double> phi(players * outputs, 0.0);
    if (players == 0)
        return phi;
    const auto phiAt = [&](std::size_t player, std::size_t output) -> double & {
        return phi[player * outputs + output];
    };
    const std::size_t last = players - 1;
    if (last > 0 && coalitions.count() > 0) {
        // With φ_last = (full − empty) − Σ_{j<last} φ_j, each coalition's equation becomes
        // v − empty − m_last (full − empty) = Σ_{j<last} (m_j − m_last) φ_j.
        const auto count = Eigen::Index(coalitions.count());
        Eigen::MatrixXd design(count, Eigen::Index(last));
        Eigen::MatrixXd targets(count, Eigen::Index(outputs));
        for (Eigen::Index i = 0; i < count; ++i) {
            const auto mask = coalitions.mask(std::size_t(i));
            const double root = std::sqrt(coalitions.weights[std::size_t(i)]);
            for (std::size_t j = 0; j < last; ++j)
                design(i, Eigen::Index(j)) = root * (double(mask[j]) - double(mask[last]));
            for (std::size_t o = 0; o < outputs; ++o) {
                const double gain = full[o] - empty[o];
                targets(i, Eigen::Index(o)) =
                    root * (values[std::size_t(i) * outputs + o] - empty[o] - mask[last] * gain);
            }
        }
        const Eigen::MatrixXd solution = design.completeOrthogonalDecomposition().solve(targets);
        for (std::size_t j = 0; j < last; ++j)
            for (std::size_t o = 0; o < outputs; ++o)
                phiAt(j, o) = solution(Eigen::Index(j), Eigen::Index(o));
    }
    for (std::size_t o = 0; o < outputs; ++o) {
        double others = 0;
        for (std::size_t j = 0; j < last; ++j)
            others += phiAt(j, o);
        phiAt(last, o) = (full[o] - empty[o]) - others;
    }
    return phi;
}

} // namespace assay::explain
