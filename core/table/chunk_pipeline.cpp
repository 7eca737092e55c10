#include "table/chunk_pipeline.h"

#include "table/text_position.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace assay::table {

namespace {

struct ChunkJob {
    std::uint64_t index = 0;
    std::uint64_t offset = 0;
    std::string bytes;
};

// Worker threads taking jobs from a queue and filing results by chunk index.
class ParseWorkers {
public:
    ParseWorkers(const ChunkParser &parser, unsigned threads) : m_parser(parser)
    {
        for (unsigned i = 0; i < threads; ++i)
            m_threads.emplace_back([this] { run(); });
    }
    ~ParseWorkers()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
            m_jobs.clear();
        }
        m_jobReady.notify_all();
        m_threads.clear(); // joins
    }

    void submit(ChunkJob job)
    {
        {
            std::lock_guard lock(m_mutex);
            m_jobs.push_back(std::move(job));
        }
        m_jobReady.notify_one();
    }

    ChunkResult take(std::uint64_t index)
    {
        std::unique_lock lock(m_mutex);
        m_resultReady.wait(lock, [&] { return m_results.count(index) != 0; });
        auto node = m_results.extract(index);
        return std::move(node.mapped());
    }

private:
    void run()
    {
        for (;;) {
            ChunkJob job;
            {
                std::unique_lock lock(m_mutex);
                m_jobReady.wait(lock, [&] { return m_stopping || !m_jobs.empty(); });
                if (m_stopping)
                    return;
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            ChunkResult result = m_parser.parse(job.bytes);
            result.index = job.index;
            result.sourceOffset = job.offset;
            result.sourceLength = job.bytes.size();
            job.bytes = std::string(); // free the block before queueing the result
            {
                std::lock_guard lock(m_mutex);
                m_results.emplace(job.index, std::move(result));
            }
            m_resultReady.notify_all();
        }
    }

    const ChunkParser &m_parser;
    std::mutex m_mutex;
    std::condition_variable m_jobReady;
    std::condition_variable m_resultReady;
    std::deque<ChunkJob> m_jobs;
    std::map<std::uint64_t, ChunkResult> m_results;
    bool m_stopping = false;
    std::vector<std::jthread> m_threads; // last: joined before the rest is destroyed
};

} // namespace

Status runChunkPipeline(const ByteSource &source, const ChunkParser &parser,
                        const PipelineOptions &options, const Progress &progress,
                        ReadReport &report, const ChunkSink &sink)
{
    const unsigned threads = std::max(1U, options.threads);
    const std::size_t blockBytes = std::max<std::size_t>(options.blockBytes, 1);
    const std::uint64_t total = source.size();
    ParseWorkers workers(parser, threads);

    std::uint64_t submitted = 0;
    std::uint64_t delivered = 0;
    std::uint64_t nextLine = options.firstLine;
    const auto deliverNext = [&]() -> Status {
        ChunkResult chunk = workers.take(delivered++);
        chunk.firstLine = nextLine;
        nextLine += chunk.newlines;
        if (chunk.error) {
            const ChunkIssue &issue = *chunk.error;
            return Error::invalidInput(locatedMessage(options.displayName,
                                                      chunk.firstLine + issue.lineOffset,
                                                      issue.column, issue.reason));
        }
        report.badRowCount += chunk.badRowCount;
        for (const ChunkIssue &issue : chunk.badRows) {
            if (report.firstBadRows.size() >= kMaxReportedBadRows)
                break;
            report.firstBadRows.push_back(
                {chunk.firstLine + issue.rowLineOffset,
                 locatedMessage(options.displayName, chunk.firstLine + issue.lineOffset,
                                issue.column, issue.reason)});
        }
        return sink(std::move(chunk));
    };

    std::string carry;
    std::uint64_t carryOffset = options.start;
    std::uint64_t readOffset = options.start;
    for (;;) {
        if (progress.isCancelled())
            return Error::cancelled();
        std::string block = std::move(carry);
        carry = std::string();
        const std::uint64_t blockOffset = carryOffset;
        block.reserve(block.size() + blockBytes);
        bool atEnd = false;
        std::size_t boundary = 0;
        for (;;) {
            const std::size_t before = block.size();
            ASSAY_TRY(source.readInto(readOffset, blockBytes, block));
            readOffset += block.size() - before;
            atEnd = readOffset >= total || block.size() == before;
            boundary = atEnd ? block.size() : parser.lastRowBoundary(block);
            if (atEnd || boundary > 0)
                break; // otherwise a row longer than the block: read on
        }
        if (total > 0)
            progress.report(static_cast<double>(readOffset) / static_cast<double>(total),
                            "reading");
        if (boundary < block.size()) {
            carry.assign(block, boundary);
            block.resize(boundary);
        }
        carryOffset = blockOffset + boundary;
        if (!block.empty())
            workers.submit({submitted++, blockOffset, std::move(block)});
        while (submitted - delivered > threads)
            ASSAY_TRY(deliverNext());
        if (atEnd)
            break;
    }
    while (delivered < submitted) {
        if (progress.isCancelled())
            return Error::cancelled();
        ASSAY_TRY(deliverNext());
    }
    return {};
}

} // namespace assay::table
