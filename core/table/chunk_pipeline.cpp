#include "table/chunk_pipeline.h"

#include "table/text_position.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace assay::table {

namespace {

// A block of file bytes. Not a std::string: no zero-filling before the read, and blocks
// are recycled between chunks so their pages stay resident instead of faulting anew.
struct Block {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
    std::size_t capacity = 0;

    std::string_view view() const { return {data.get(), size}; }
    void reserve(std::size_t wanted)
    {
        if (wanted <= capacity)
            return;
        wanted += wanted / 8; // slack for the next carried-over row tails, so blocks recycle
        auto bigger = std::make_unique_for_overwrite<char[]>(wanted);
        if (size > 0)
            std::memcpy(bigger.get(), data.get(), size);
        data = std::move(bigger);
        capacity = wanted;
    }
};

struct ChunkJob {
    std::uint64_t index = 0;
    std::uint64_t offset = 0;
    Block block;
};

// Worker threads taking jobs from a queue and filing results by chunk index.
class ParseWorkers {
public:
    ParseWorkers(const ChunkParser &parser, ColumnStoragePool *pool, unsigned threads)
        : m_parser(parser), m_pool(pool)
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

    // A recycled block when there is one.
    Block freeBlock()
    {
        std::lock_guard lock(m_mutex);
        if (m_freeBlocks.empty())
            return {};
        Block block = std::move(m_freeBlocks.back());
        m_freeBlocks.pop_back();
        block.size = 0;
        return block;
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
            ChunkResult result = m_parser.parse(job.block.view(), nullptr, m_pool);
            result.index = job.index;
            result.sourceOffset = job.offset;
            result.sourceLength = job.block.size;
            {
                std::lock_guard lock(m_mutex);
                m_results.emplace(job.index, std::move(result));
                m_freeBlocks.push_back(std::move(job.block));
            }
            m_resultReady.notify_all();
        }
    }

    const ChunkParser &m_parser;
    ColumnStoragePool *m_pool;
    std::mutex m_mutex;
    std::condition_variable m_jobReady;
    std::condition_variable m_resultReady;
    std::deque<ChunkJob> m_jobs;
    std::map<std::uint64_t, ChunkResult> m_results;
    std::vector<Block> m_freeBlocks;
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
    ParseWorkers workers(parser, options.pool, threads);

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

    Block carry;
    std::uint64_t carryOffset = options.start;
    std::uint64_t readOffset = options.start;
    for (;;) {
        if (progress.isCancelled())
            return Error::cancelled();
        Block block = workers.freeBlock();
        const std::uint64_t blockOffset = carryOffset;
        block.reserve(carry.size + blockBytes);
        if (carry.size > 0)
            std::memcpy(block.data.get(), carry.data.get(), carry.size);
        block.size = carry.size;
        bool atEnd = false;
        std::size_t boundary = 0;
        for (;;) {
            block.reserve(block.size + blockBytes);
            Result<std::size_t> got = source.read(readOffset, block.data.get() + block.size,
                                                  blockBytes);
            if (!got)
                return got.error();
            block.size += *got;
            readOffset += *got;
            atEnd = readOffset >= total || *got == 0;
            boundary = atEnd ? block.size : parser.lastRowBoundary(block.view());
            if (atEnd || boundary > 0)
                break; // otherwise a row longer than the block: read on
        }
        if (total > 0)
            progress.report(static_cast<double>(readOffset) / static_cast<double>(total),
                            "reading");
        carry.reserve(block.size - boundary);
        carry.size = block.size - boundary;
        if (carry.size > 0)
            std::memcpy(carry.data.get(), block.data.get() + boundary, carry.size);
        block.size = boundary;
        carryOffset = blockOffset + boundary;
        if (block.size > 0)
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
