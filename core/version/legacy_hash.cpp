#include "version/legacy_hash.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace assay::version {

namespace {

constexpr std::size_t kChunkSize = 1 << 20;
constexpr std::size_t kSniffSize = 512;

bool isTextByte(unsigned char c)
{
    return (c >= 32 && c <= 126) || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\b';
}

std::string foldCrlf(std::string_view chunk)
{
    std::string folded;
    folded.reserve(chunk.size());
    for (std::size_t i = 0; i < chunk.size(); ++i) {
        if (chunk[i] == '\r' && i + 1 < chunk.size() && chunk[i + 1] == '\n')
            continue;
        folded += chunk[i];
    }
    return folded;
}

} // namespace

bool looksLikeText(std::string_view chunk)
{
    const std::string_view sniff = chunk.substr(0, kSniffSize);
    if (sniff.empty())
        return true;
    if (sniff.find('\0') != std::string_view::npos)
        return false;
    const auto binary = std::count_if(sniff.begin(), sniff.end(), [](char c) {
        return !isTextByte(static_cast<unsigned char>(c));
    });
    return static_cast<double>(binary) / static_cast<double>(sniff.size()) <= 0.30;
}

Result<std::string> md5Dos2UnixOfFile(const std::filesystem::path &path, const Progress &progress)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error::notFound(path.string() + ": cannot open: " + std::strerror(errno));
    QCryptographicHash hash(QCryptographicHash::Md5);
    std::vector<char> block(kChunkSize);
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0)
            break;
        const std::string_view chunk(block.data(), n);
        if (looksLikeText(chunk)) {
            const std::string folded = foldCrlf(chunk);
            hash.addData(QByteArrayView(folded.data(), qsizetype(folded.size())));
        } else {
            hash.addData(QByteArrayView(chunk.data(), qsizetype(chunk.size())));
        }
        if (progress.isCancelled())
            return Error::cancelled();
    }
    if (in.bad())
        return Error::io(path.string() + ": read failed");
    return hash.result().toHex().toStdString();
}

} // namespace assay::version
