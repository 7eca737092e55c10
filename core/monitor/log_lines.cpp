#include "monitor/log_lines.h"

#include <cstring>

namespace assay::monitor {

namespace {

constexpr std::size_t kChunkBytes = 1 << 20;

} // namespace

LineSource::LineSource(const std::filesystem::path &path) : m_file(std::fopen(path.c_str(), "rb"))
{
    m_buffer.resize(kChunkBytes);
}

LineSource::~LineSource()
{
    if (m_file)
        std::fclose(m_file);
}

bool LineSource::refill()
{
    if (m_eof)
        return false;
    // Keep the unread tail at the front and fill the rest; grow when one line fills it all.
    const std::size_t tail = m_end - m_begin;
    if (m_begin > 0 && tail > 0)
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, tail);
    m_begin = 0;
    m_end = tail;
    if (m_end == m_buffer.size())
        m_buffer.resize(m_buffer.size() * 2);
    const std::size_t got = std::fread(m_buffer.data() + m_end, 1, m_buffer.size() - m_end, m_file);
    if (got == 0) {
        m_eof = true;
        m_failed = std::ferror(m_file) != 0;
        return false;
    }
    m_end += got;
    return true;
}

bool LineSource::next(std::string_view &line)
{
    if (!m_file)
        return false;
    for (;;) {
        const char *start = m_buffer.data() + m_begin;
        const auto *newline = static_cast<const char *>(std::memchr(start, '\n', m_end - m_begin));
        if (newline) {
            const auto size = static_cast<std::size_t>(newline - start);
            line = std::string_view(start, size);
            m_begin += size + 1;
            m_consumed += size + 1;
            return true;
        }
        if (!refill()) {
            if (m_end == m_begin)
                return false;
            line = std::string_view(m_buffer.data() + m_begin, m_end - m_begin); // no final '\n'
            m_consumed += m_end - m_begin;
            m_begin = m_end;
            return true;
        }
    }
}

void splitCsvLine(std::string_view line, char delimiter, std::vector<std::string_view> &fields,
                  std::vector<std::string> &scratch)
{
    fields.clear();
    scratch.clear();
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    std::size_t pos = 0;
    for (;;) {
        if (pos < line.size() && line[pos] == '"') {
            std::string value;
            bool escaped = false;
            std::size_t i = pos + 1;
            const std::size_t start = i;
            for (; i < line.size(); ++i) {
                if (line[i] != '"')
                    continue;
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    escaped = true;
                    ++i;
                    continue;
                }
                break;
            }
            std::string_view raw = line.substr(start, i - start);
            if (escaped) {
                for (std::size_t k = 0; k < raw.size(); ++k) {
                    value += raw[k];
                    if (raw[k] == '"')
                        ++k;
                }
                scratch.push_back(std::move(value));
                // Views into scratch are taken after all fields are split (it may reallocate).
                fields.push_back(std::string_view(nullptr, scratch.size() - 1));
            } else {
                fields.push_back(raw);
            }
            pos = line.find(delimiter, i);
        } else {
            const std::size_t comma = line.find(delimiter, pos);
            fields.push_back(line.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
            pos = comma;
        }
        if (pos == std::string_view::npos)
            break;
        ++pos;
    }
    for (auto &field : fields)
        if (field.data() == nullptr && !scratch.empty())
            field = scratch[field.size()];
}

} // namespace assay::monitor
