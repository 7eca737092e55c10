#include "explain/external_predictor.h"

#include "explain/feature_csv.h"
#include "explain/prediction_lines.h"
#include "explain/shell_pipe.h"

#include <algorithm>
#include <cstring>

namespace assay::explain {

namespace {

constexpr std::size_t kErrorTailLines = 20;
// The longest output line expected per row (thousands of class values); a command printing more
// than this per row on average is stopped instead of filling memory.
constexpr std::size_t kMaxLineBytes = 64 * 1024;

// The last lines of the program's stderr, for an error message.
std::string stderrTail(const std::string &errorText)
{
    std::string_view text(errorText);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    if (text.empty())
        return "";
    std::size_t start = text.size();
    for (std::size_t lines = 0; lines < kErrorTailLines && start > 0; ++lines) {
        const auto newline = text.rfind('\n', start - 1);
        start = newline == std::string_view::npos ? 0 : newline;
    }
    if (start > 0)
        ++start;
    return "\nits stderr ends:\n" + std::string(text.substr(start));
}

std::string batchName(std::size_t begin, std::size_t end)
{
    return "rows " + std::to_string(begin) + "–" + std::to_string(end - 1);
}

} // namespace

ExternalPredictor::ExternalPredictor(std::string command, std::size_t batchRows)
    : m_command(std::move(command)), m_batchRows(std::max<std::size_t>(1, batchRows))
{
}

std::vector<std::string> ExternalPredictor::outputNames() const
{
    if (m_outputs == 1)
        return {"prediction"};
    std::vector<std::string> names;
    for (std::size_t o = 0; o < m_outputs; ++o)
        names.push_back("class " + std::to_string(o));
    return names;
}

Result<Predictions> ExternalPredictor::predict(const model::FeatureMatrix &x,
                                               const Progress &progress)
{
    const std::string program = "predict command `" + m_command + "`";
    Predictions predictions{.rows = x.rows, .outputs = m_outputs, .values = {}};
    for (std::size_t begin = 0; begin < x.rows; begin += m_batchRows) {
        if (progress.isCancelled())
            return Error::cancelled();
        const std::size_t end = std::min(x.rows, begin + m_batchRows);
        const std::size_t maxOutputBytes = (end - begin + 1) * kMaxLineBytes;
        auto run = runShellPipe(m_command, featureRowsCsv(x, begin, end), maxOutputBytes,
                                progress.token());
        if (!run)
            return run.error();
        if (run->cancelled)
            return Error::cancelled();
        if (run->outputLimitReached)
            return Error::invalidInput(
                program + " printed more than " + std::to_string(maxOutputBytes) + " bytes for " +
                std::to_string(end - begin) + " rows on " + batchName(begin, end) +
                ", so it was stopped" + stderrTail(run->errorTail));
        if (run->signal != 0)
            return Error::invalidInput(program + " was killed by signal " +
                                       std::to_string(run->signal) + " (" + strsignal(run->signal) +
                                       ") on " + batchName(begin, end) +
                                       stderrTail(run->errorTail));
        if (run->exitCode != 0)
            return Error::invalidInput(program + " failed with exit code " +
                                       std::to_string(run->exitCode) + " on " +
                                       batchName(begin, end) + stderrTail(run->errorTail));
        auto batch = parsePredictionLines(run->output, end - begin, begin);
        if (!batch)
            return Error::invalidInput(program + " on " + batchName(begin, end) + ": " +
                                       batch.error().message + stderrTail(run->errorTail));
        if (m_outputs != 0 && batch->outputs != m_outputs)
            return Error::invalidInput(program + " printed " + std::to_string(batch->outputs) +
                                       " values per line on " + batchName(begin, end) +
                                       ", earlier " + std::to_string(m_outputs));
        m_outputs = batch->outputs;
        predictions.outputs = m_outputs;
        predictions.values.insert(predictions.values.end(), batch->values.begin(),
                                  batch->values.end());
        progress.report(double(end) / double(x.rows), "predict command");
    }
    return predictions;
}

} // namespace assay::explain
