#include "drift/dataset_sample.h"

#include "table/chunk_reader.h"

#include <algorithm>

namespace assay::drift {

namespace {

// Remembers which chunk columns feed which sample, set up from the first chunk.
class SampleCollector {
public:
    SampleCollector(DatasetSample &sample, const std::vector<std::string> &wanted)
        : m_sample(sample), m_wanted(wanted) {}

    void add(const table::Table &chunk)
    {
        if (!m_started)
            start(chunk);
        m_sample.rows += chunk.rowCount();
        for (std::size_t s = 0; s < m_sources.size(); ++s)
            m_sample.samples[s].add(chunk.column(m_sources[s]));
    }

private:
    void start(const table::Table &chunk)
    {
        m_started = true;
        for (std::size_t c = 0; c < chunk.columnCount(); ++c) {
            const std::string &name = chunk.column(c).name();
            m_sample.columnNames.push_back(name);
            if (m_wanted.empty() || std::find(m_wanted.begin(), m_wanted.end(), name) != m_wanted.end()) {
                m_sources.push_back(c);
                m_sample.samples.emplace_back(name);
            }
        }
    }

    DatasetSample &m_sample;
    const std::vector<std::string> &m_wanted;
    std::vector<std::size_t> m_sources;
    bool m_started = false;
};

} // namespace

ColumnSample *DatasetSample::sample(std::string_view name)
{
    for (auto &s : samples) {
        if (s.name() == name)
            return &s;
    }
    return nullptr;
}

Result<DatasetSample> sampleDataset(const version::DatasetRef &ref, const table::ReadOptions &options,
                                    const std::vector<std::string> &wanted, const Progress &progress)
{
    auto resolved = version::resolveDataset(ref, progress);
    if (!resolved)
        return resolved.error();
    table::ReadOptions read = options;
    if (read.format == table::FileFormat::Auto)
        read.format = resolved->format;
    DatasetSample sample;
    sample.displayName = ref.display();
    SampleCollector collector(sample, wanted);
    const auto onChunk = [&](const table::Table &chunk, std::uint64_t) -> Status {
        if (progress.isCancelled())
            return Error::cancelled();
        collector.add(chunk);
        return {};
    };
    const Status status = resolved->file.empty()
                              ? table::forEachChunkInBuffer(resolved->bytes, resolved->displayName, read,
                                                            onChunk, progress)
                              : table::forEachChunk(resolved->file, read, onChunk, progress);
    if (!status)
        return status.error();
    return sample;
}

DatasetSample sampleTable(const table::Table &table, std::string displayName,
                          const std::vector<std::string> &wanted)
{
    DatasetSample sample;
    sample.displayName = std::move(displayName);
    SampleCollector collector(sample, wanted);
    collector.add(table);
    return sample;
}

} // namespace assay::drift
