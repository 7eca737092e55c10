#include "model/gradient_histogram.h"

#include "model/worker_pool.h"

#include <algorithm>
#include <cstring>

namespace assay::model {

namespace {

// Rows per task: enough work to outweigh a partial histogram's zeroing and reduction.
constexpr std::size_t kRowsPerTask = 8192;

} // namespace

HistogramBuilder::HistogramBuilder(const BinnedMatrix &bins, WorkerPool &pool)
    : m_bins(bins), m_pool(pool), m_partials(pool.size()), m_touched(pool.size())
{
}

void HistogramBuilder::accumulate(std::span<const std::uint32_t> rows,
                                  const QuantizedGradients &gradients, GradientSum *histogram) const
{
    const std::size_t columns = m_bins.columns();
    const GradientSum *rowGradients = gradients.rows.data();
    for (const std::uint32_t row : rows) {
        const GradientSum gradient = rowGradients[row];
        const std::uint8_t *bins = m_bins.row(row);
        GradientSum *feature = histogram;
        for (std::size_t column = 0; column < columns; ++column, feature += kBinsPerFeature)
            feature[bins[column]] += gradient;
    }
}

void HistogramBuilder::build(std::span<const HistogramJob> jobs,
                             const QuantizedGradients &gradients)
{
    const std::size_t size = histogramSize();
    std::vector<Task> tasks;
    std::vector<std::size_t> partialJobs;
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        const std::size_t rows = jobs[job].rows.size();
        const std::size_t blocks =
            std::max<std::size_t>(1, (rows + kRowsPerTask - 1) / kRowsPerTask);
        const bool fromPartials = blocks > 1 && m_pool.size() > 1;
        if (fromPartials)
            partialJobs.push_back(job);
        else
            std::memset(static_cast<void *>(jobs[job].histogram), 0, size * sizeof(GradientSum));
        const std::ptrdiff_t partial =
            fromPartials ? static_cast<std::ptrdiff_t>(partialJobs.size() - 1) : -1;
        if (!fromPartials) {
            tasks.push_back({job, 0, rows, -1});
            continue;
        }
        for (std::size_t block = 0; block < blocks; ++block)
            tasks.push_back(
                {job, block * kRowsPerTask, std::min(rows, (block + 1) * kRowsPerTask), partial});
    }
    for (unsigned worker = 0; worker < m_pool.size(); ++worker) {
        if (m_partials[worker].size() < partialJobs.size() * size)
            m_partials[worker].resize(partialJobs.size() * size);
        m_touched[worker].assign(partialJobs.size(), 0);
    }

    // Largest tasks first, so the last ones to finish are short.
    std::stable_sort(tasks.begin(), tasks.end(), [](const Task &a, const Task &b) {
        return a.end - a.begin > b.end - b.begin;
    });
    m_pool.run(tasks.size(), [&](std::size_t index, unsigned worker) {
        const Task &task = tasks[index];
        const auto rows = jobs[task.job].rows.subspan(task.begin, task.end - task.begin);
        if (task.partial < 0) {
            accumulate(rows, gradients, jobs[task.job].histogram);
            return;
        }
        GradientSum *partial =
            m_partials[worker].data() + static_cast<std::size_t>(task.partial) * size;
        if (!m_touched[worker][static_cast<std::size_t>(task.partial)]) {
            std::memset(static_cast<void *>(partial), 0, size * sizeof(GradientSum));
            m_touched[worker][static_cast<std::size_t>(task.partial)] = 1;
        }
        accumulate(rows, gradients, partial);
    });

    // Sum the partials, one feature of one job per task.
    const std::size_t columns = m_bins.columns();
    m_pool.run(partialJobs.size() * columns, [&](std::size_t index, unsigned) {
        const std::size_t partial = index / columns;
        const std::size_t offset = partial * size + (index % columns) * kBinsPerFeature;
        GradientSum *out =
            jobs[partialJobs[partial]].histogram + (index % columns) * kBinsPerFeature;
        std::fill(out, out + kBinsPerFeature, GradientSum{});
        for (unsigned worker = 0; worker < m_pool.size(); ++worker) {
            if (!m_touched[worker][partial])
                continue;
            const GradientSum *source = m_partials[worker].data() + offset;
            for (std::size_t bin = 0; bin < kBinsPerFeature; ++bin)
                out[bin] += source[bin];
        }
    });
}

void HistogramBuilder::subtract(const GradientSum *parent, const GradientSum *child,
                                GradientSum *sibling) const
{
    const std::size_t size = histogramSize();
    for (std::size_t i = 0; i < size; ++i)
        sibling[i] = parent[i] - child[i];
}

} // namespace assay::model
