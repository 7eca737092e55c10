#include "track/git_state.h"

#include "version/git_repository.h"

namespace assay::track {

GitState gitStateOf(const std::filesystem::path &folder)
{
    GitState state;
    auto repository = version::GitRepository::discover(folder);
    if (!repository)
        return state;
    if (auto head = repository->head(); head && !head->commit.empty())
        state.commit = head->commit;
    auto changed = repository->changedWorkTreeFiles();
    auto staged = repository->indexDiffersFromHead();
    if (changed && staged)
        state.dirty = !changed->empty() || *staged;
    return state;
}

} // namespace assay::track
