#include "version/file_hash.h"

#include <QCryptographicHash>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace assay::version {

Result<std::string> md5OfFile(const std::filesystem::path &path, const Progress &progress)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error::notFound(path.string() + ": cannot open: " + std::strerror(errno));
    std::error_code sizeError;
    const auto total = std::filesystem::file_size(path, sizeError);

    QCryptographicHash hash(QCryptographicHash::Md5);
    std::vector<char> block(1 << 20);
    std::uintmax_t done = 0;
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        const auto n = in.gcount();
        if (n <= 0)
            break;
        hash.addData(QByteArrayView(block.data(), n));
        done += static_cast<std::uintmax_t>(n);
        if (progress.isCancelled())
            return Error::cancelled();
        if (total > 0)
            progress.report(static_cast<double>(done) / static_cast<double>(total), "hashing");
    }
    if (in.bad())
        return Error::io(path.string() + ": read failed");
    return hash.result().toHex().toStdString();
}

} // namespace assay::version
