#include "table/read_setup.h"

#include "table/chunk_splitter.h"
#include "table/column_builder.h"
#include "table/csv_chunk_parser.h"
#include "table/csv_dialect.h"
#include "table/csv_tokenizer.h"
#include "table/jsonl_chunk_parser.h"
#include "table/text_position.h"
#include "table/utf8_check.h"

#include <algorithm>
#include <thread>

namespace assay::table {

namespace {

constexpr std::size_t kPrefixBytes = std::size_t{1} << 20;
constexpr std::size_t kHeaderSampleRows = 1000;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string lowerExtension(std::string_view name)
{
    const std::size_t dot = name.rfind('.');
    const std::size_t slash = name.find_last_of("/\\");
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return {};
    std::string extension(name.substr(dot + 1));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

bool firstLineIsBlank(std::string_view text)
{
    for (const char c : text) {
        if (c == '\n')
            return true;
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

// The first bytes of the source, grown until they hold a complete row (or the whole file).
struct Prefix {
    std::string bytes;
    std::size_t bomSize = 0;
    bool wholeFile = false;

    std::string_view text() const { return std::string_view(bytes).substr(bomSize); }
};

Result<Prefix> readPrefix(const ByteSource &source)
{
    Prefix prefix;
    std::size_t want = kPrefixBytes;
    for (;;) {
        prefix.bytes.clear();
        ASSAY_TRY(source.readInto(0, want, prefix.bytes));
        prefix.wholeFile = prefix.bytes.size() >= source.size();
        prefix.bomSize = std::string_view(prefix.bytes).substr(0, 3) == kBom ? 3 : 0;
        if (prefix.wholeFile || prefix.text().find('\n') != std::string_view::npos)
            return prefix;
        want *= 2;
    }
}

unsigned threadCount(const ReadOptions &options)
{
    if (options.threads > 0)
        return options.threads;
    return std::max(1U, std::thread::hardware_concurrency());
}

Result<ReadSetup> prepareCsv(const ByteSource &source, std::string_view name,
                             const ReadOptions &options, FileFormat format, ReadSetup setup)
{
    Result<Prefix> prefixRead = readPrefix(source);
    if (!prefixRead)
        return prefixRead.error();
    Prefix prefix = std::move(*prefixRead);
    const char delimiter = options.delimiter != 0 ? options.delimiter
                           : format == FileFormat::Tsv
                               ? '\t'
                               : sniffDelimiter(prefix.text(), prefix.wholeFile);
    setup.report.delimiter = delimiter;
    setup.report.format = delimiter == '\t' && format != FileFormat::Csv ? FileFormat::Tsv
                                                                          : FileFormat::Csv;

    if (firstLineIsBlank(prefix.text()) && options.header != HeaderMode::Absent)
        return Error::invalidInput(
            locatedMessage(name, 1, 1, "no header: the first line is empty"));

    // Make sure the prefix holds the whole first row, then tokenise it and a sample.
    std::size_t cut = 0;
    for (;;) {
        cut = prefix.wholeFile ? prefix.text().size()
                               : findLastCsvRowBoundary(prefix.text(), delimiter);
        if (cut > 0 || prefix.wholeFile)
            break;
        const std::size_t have = prefix.bytes.size();
        ASSAY_TRY(source.readInto(have, have, prefix.bytes));
        prefix.wholeFile = prefix.bytes.size() >= source.size();
    }
    const std::string_view text = prefix.text().substr(0, cut);
    CsvTokenizer tokenizer(text, delimiter);
    std::vector<FieldRef> fields;
    std::string scratch;
    if (!tokenizer.nextRow(fields)) {
        // Only blank lines (possible with HeaderMode::Absent): an empty table.
        setup.report.headerDetected = false;
        setup.parser = std::make_unique<CsvChunkParser>(delimiter, 0, options.lenient);
        setup.pipeline.start = source.size();
        return setup;
    }
    std::vector<std::string> firstRow;
    for (const FieldRef &field : fields)
        firstRow.emplace_back(field.text(scratch));
    const std::size_t columnCount = fields.size();
    const std::size_t headerEnd = tokenizer.position();
    const std::uint64_t headerNewlines = tokenizer.newlineCount();
    std::optional<RowIssue> headerIssue = tokenizer.issue();
    if (!headerIssue) {
        const std::size_t bad = findInvalidUtf8(text.data(), headerEnd);
        if (bad != headerEnd)
            headerIssue = RowIssue{bad, "invalid UTF-8"};
    }

    std::vector<ColumnBuilder> sample(columnCount);
    std::size_t sampleRows = 0;
    while (sampleRows < kHeaderSampleRows && tokenizer.nextRow(fields)) {
        ++sampleRows;
        if (tokenizer.issue() || fields.size() != columnCount)
            continue;
        for (std::size_t c = 0; c < columnCount; ++c)
            sample[c].appendField(fields[c].text(scratch));
    }
    const std::size_t sampleEnd = tokenizer.position();

    bool header = options.header == HeaderMode::Present;
    if (options.header == HeaderMode::Auto) {
        std::vector<ColumnEvidence> evidence;
        for (std::size_t c = 0; c < columnCount; ++c) {
            ColumnEvidence column{firstRow[c], sample[c].type(), false};
            if (column.sampleType == InferredType::String) {
                const Column values = sample[c].finish({});
                const auto &dictionary = values.dictionary();
                column.firstValueInSample =
                    std::find(dictionary.begin(), dictionary.end(), firstRow[c]) != dictionary.end();
            }
            evidence.push_back(std::move(column));
        }
        header = looksLikeHeader(evidence);
    }
    if (header && headerIssue) {
        const TextPosition where = positionOf(text, 0, 0, headerIssue->offset);
        return Error::invalidInput(
            locatedMessage(name, 1 + where.lineOffset, where.column, headerIssue->reason));
    }

    setup.report.headerDetected = header;
    setup.names = header ? uniqueColumnNames(std::move(firstRow)) : defaultColumnNames(columnCount);
    setup.parser = std::make_unique<CsvChunkParser>(delimiter, columnCount, options.lenient);
    setup.pipeline.start = prefix.bomSize + (header ? headerEnd : 0);
    setup.pipeline.firstLine = header ? 1 + headerNewlines : 1;
    if (sampleRows > 0) {
        const double bytesPerRow =
            static_cast<double>(sampleEnd - headerEnd) / static_cast<double>(sampleRows);
        const double dataBytes = static_cast<double>(source.size() - setup.pipeline.start);
        setup.estimatedRows = static_cast<std::uint64_t>(dataBytes / bytesPerRow * 1.05) + 1024;
    }
    return setup;
}

Result<ReadSetup> prepareJsonLines(const ByteSource &source, const ReadOptions &options,
                                   ReadSetup setup)
{
    std::string head;
    ASSAY_TRY(source.readInto(0, 3, head));
    setup.report.format = FileFormat::JsonLines;
    setup.parser = std::make_unique<JsonlChunkParser>(options.lenient);
    setup.pipeline.start = head == kBom ? 3 : 0;
    return setup;
}

} // namespace

FileFormat formatFromName(std::string_view name)
{
    const std::string extension = lowerExtension(name);
    if (extension == "csv")
        return FileFormat::Csv;
    if (extension == "tsv" || extension == "tab")
        return FileFormat::Tsv;
    if (extension == "jsonl" || extension == "ndjson")
        return FileFormat::JsonLines;
    return FileFormat::Auto;
}

Result<ReadSetup> prepareRead(const ByteSource &source, std::string_view displayName,
                              const ReadOptions &options)
{
    ReadSetup setup;
    setup.pipeline.displayName = std::string(displayName);
    setup.pipeline.threads = threadCount(options);
    setup.pipeline.blockBytes = options.blockBytes > 0 ? options.blockBytes : kDefaultBlockBytes;

    std::string head;
    ASSAY_TRY(source.readInto(0, 4096, head));
    const std::size_t bomSize = std::string_view(head).substr(0, 3) == kBom ? 3 : 0;
    if (head.size() == bomSize)
        return Error::invalidInput(locatedMessage(displayName, 1, 1, "empty file"));

    FileFormat format = options.format != FileFormat::Auto ? options.format
                                                           : formatFromName(displayName);
    if (format == FileFormat::Auto) {
        const std::size_t first = head.find_first_not_of(" \t\r\n", bomSize);
        format = first != std::string::npos && head[first] == '{' ? FileFormat::JsonLines
                                                                   : FileFormat::Csv;
    }
    if (format == FileFormat::JsonLines)
        return prepareJsonLines(source, options, std::move(setup));
    return prepareCsv(source, displayName, options, format, std::move(setup));
}

} // namespace assay::table
