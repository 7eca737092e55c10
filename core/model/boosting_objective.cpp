#include "model/boosting_objective.h"

#include "model/worker_pool.h"

#include <algorithm>
#include <cmath>

namespace assay::model {

namespace {

constexpr std::size_t kRowsPerBlock = 8192;
// XGBoost's floor on hessians, so a confident leaf's weight stays finite.
constexpr double kMinHessian = 1e-16;

double softplus(double x)
{
    return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

class LogisticObjective final : public BoostingObjective {
public:
    std::size_t outputs() const override { return 1; }
    OutputLink link() const override { return OutputLink::Logistic; }
    std::string_view metricName() const override { return "logloss"; }

    std::vector<float> baseMargin(std::span<const double> y) const override
    {
        double positives = 0;
        for (double label : y)
            positives += label;
        const double share = std::clamp(positives / std::max<double>(1, y.size()), 1e-6, 1 - 1e-6);
        return {static_cast<float>(std::log(share / (1 - share)))};
    }

    void gradients(std::span<const float> margins, std::span<const double> y, std::size_t begin,
                   std::size_t end, std::span<double> grad, std::span<double> hess) const override
    {
        for (std::size_t row = begin; row < end; ++row) {
            const double p = 1 / (1 + std::exp(-static_cast<double>(margins[row])));
            grad[row] = p - y[row];
            hess[row] = std::max(p * (1 - p), kMinHessian);
        }
    }

protected:
    double lossSum(std::span<const float> margins, std::span<const double> y, std::size_t begin,
                   std::size_t end) const override
    {
        double sum = 0;
        for (std::size_t row = begin; row < end; ++row) {
            const double margin = margins[row];
            sum += y[row] > 0.5 ? softplus(-margin) : softplus(margin);
        }
        return sum;
    }
};

class SoftmaxObjective final : public BoostingObjective {
public:
    explicit SoftmaxObjective(std::size_t classes) : m_classes(classes) {}

    std::size_t outputs() const override { return m_classes; }
    OutputLink link() const override { return OutputLink::Softmax; }
    std::string_view metricName() const override { return "mlogloss"; }

    std::vector<float> baseMargin(std::span<const double> y) const override
    {
        std::vector<double> counts(m_classes, 0.0);
        for (double label : y)
            counts[static_cast<std::size_t>(label)] += 1;
        std::vector<double> logShares(m_classes);
        double mean = 0;
        for (std::size_t k = 0; k < m_classes; ++k) {
            logShares[k] = std::log(std::max(counts[k] / std::max<double>(1, y.size()), 1e-6));
            mean += logShares[k] / static_cast<double>(m_classes);
        }
        std::vector<float> margins(m_classes);
        for (std::size_t k = 0; k < m_classes; ++k)
            margins[k] = static_cast<float>(logShares[k] - mean);
        return margins;
    }

    void gradients(std::span<const float> margins, std::span<const double> y, std::size_t begin,
                   std::size_t end, std::span<double> grad, std::span<double> hess) const override
    {
        const std::size_t rows = y.size();
        std::vector<double> p(m_classes);
        for (std::size_t row = begin; row < end; ++row) {
            const float *margin = margins.data() + row * m_classes;
            const double top = *std::max_element(margin, margin + m_classes);
            double sum = 0;
            for (std::size_t k = 0; k < m_classes; ++k)
                sum += p[k] = std::exp(margin[k] - top);
            const auto label = static_cast<std::size_t>(y[row]);
            for (std::size_t k = 0; k < m_classes; ++k) {
                const double probability = p[k] / sum;
                grad[k * rows + row] = probability - (k == label ? 1.0 : 0.0);
                // XGBoost's softmax hessian carries the factor 2; keeping it keeps eta comparable.
                hess[k * rows + row] = std::max(2 * probability * (1 - probability), kMinHessian);
            }
        }
    }

protected:
    double lossSum(std::span<const float> margins, std::span<const double> y, std::size_t begin,
                   std::size_t end) const override
    {
        double total = 0;
        for (std::size_t row = begin; row < end; ++row) {
            const float *margin = margins.data() + row * m_classes;
            const double top = *std::max_element(margin, margin + m_classes);
            double sum = 0;
            for (std::size_t k = 0; k < m_classes; ++k)
                sum += std::exp(margin[k] - top);
            total += top + std::log(sum) - margin[static_cast<std::size_t>(y[row])];
        }
        return total;
    }

private:
    std::size_t m_classes;
};

class SquaredErrorObjective final : public BoostingObjective {
public:
    std::size_t outputs() const override { return 1; }
    OutputLink link() const override { return OutputLink::Identity; }
    std::string_view metricName() const override { return "rmse"; }

    std::vector<float> baseMargin(std::span<const double> y) const override
    {
        double sum = 0;
        for (double value : y)
            sum += value;
        return {static_cast<float>(sum / std::max<double>(1, y.size()))};
    }

    void gradients(std::span<const float> margins, std::span<const double> y, std::size_t begin,
                   std::size_t end, std::span<double> grad, std::span<double> hess) const override
    {
        for (std::size_t row = begin; row < end; ++row) {
            grad[row] = margins[row] - y[row];
            hess[row] = 1;
        }
    }

protected:
    double lossSum(std::span<const float> margins, std::span<const double> y, std::size_t begin,
                   std::size_t end) const override
    {
        double sum = 0;
        for (std::size_t row = begin; row < end; ++row) {
            const double error = margins[row] - y[row];
            sum += error * error;
        }
        return sum;
    }
    double finish(double meanLoss) const override { return std::sqrt(meanLoss); }
};

} // namespace

double BoostingObjective::metric(std::span<const float> margins, std::span<const double> y,
                                 WorkerPool &pool) const
{
    const std::size_t rows = y.size();
    const std::size_t blocks = (rows + kRowsPerBlock - 1) / kRowsPerBlock;
    std::vector<double> sums(blocks, 0.0);
    pool.run(blocks, [&](std::size_t block, unsigned) {
        sums[block] =
            lossSum(margins, y, block * kRowsPerBlock, std::min(rows, (block + 1) * kRowsPerBlock));
    });
    double total = 0;
    for (double sum : sums)
        total += sum;
    return finish(total / std::max<double>(1, rows));
}

std::unique_ptr<BoostingObjective> makeBoostingObjective(Task task, std::size_t classes)
{
    switch (task) {
    case Task::Binary:
        return std::make_unique<LogisticObjective>();
    case Task::Multiclass:
        return std::make_unique<SoftmaxObjective>(classes);
    case Task::Regression:
        return std::make_unique<SquaredErrorObjective>();
    }
    return nullptr;
}

} // namespace assay::model
