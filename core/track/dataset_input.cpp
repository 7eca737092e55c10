#include "track/dataset_input.h"

#include "track/git_state.h"
#include "version/dvc_pointer.h"
#include "version/file_hash.h"

#include <algorithm>
#include <array>

namespace assay::track {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 4> kContexts{"training", "validation", "test", "other"};

} // namespace

Result<DatasetInput> describeDataset(const fs::path &workspaceRoot, const fs::path &path,
                                     std::string name, std::string context)
{
    if (std::find(kContexts.begin(), kContexts.end(), context) == kContexts.end())
        return Error::invalidInput("dataset context '" + context +
                                   "' is not one of training, validation, test, other");
    fs::path data = fs::absolute(path).lexically_normal();
    fs::path pointer = data;
    if (data.extension() == ".dvc")
        data.replace_extension();
    else
        pointer += ".dvc";

    DatasetInput input;
    input.context = std::move(context);
    std::error_code error;
    if (fs::is_regular_file(pointer, error)) {
        auto output = version::readDvcFile(pointer);
        if (!output)
            return output.error();
        input.md5 = output->md5;
    } else if (fs::is_regular_file(data, error)) {
        auto md5 = version::md5OfFile(data);
        if (!md5)
            return md5.error();
        input.md5 = *md5;
    } else if (!fs::exists(data, error)) {
        return Error::notFound(path.string() + ": no such dataset (nor a .dvc pointer for it)");
    }

    const fs::path root = fs::absolute(workspaceRoot).lexically_normal();
    const fs::path relative = data.lexically_relative(root);
    const bool inside = !relative.empty() && *relative.begin() != "..";
    input.path = inside ? relative.generic_string() : data.generic_string();
    input.name = name.empty() ? data.filename().string() : std::move(name);
    input.revision = gitStateOf(root).commit.value_or("");
    return input;
}

} // namespace assay::track
