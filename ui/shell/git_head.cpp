#include "shell/git_head.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace assay::ui {

namespace {

constexpr int shortHashLength = 7;

QString readFirstLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readLine()).trimmed();
}

// The git directory of a work tree: .git itself, or where a ".git" file points
// (worktrees and submodules write "gitdir: PATH").
QString gitDirectory(const QString &root)
{
    const QString dotGit = QDir(root).filePath(QStringLiteral(".git"));
    if (QFileInfo(dotGit).isDir())
        return dotGit;
    const QString line = readFirstLine(dotGit);
    if (!line.startsWith(u"gitdir:"))
        return {};
    return QDir(root).absoluteFilePath(line.mid(7).trimmed());
}

QString resolveRef(const QString &gitDir, const QString &ref)
{
    const QString loose = readFirstLine(QDir(gitDir).filePath(ref));
    if (!loose.isEmpty())
        return loose;
    const QString commonDir = readFirstLine(QDir(gitDir).filePath(QStringLiteral("commondir")));
    const QString packedDir =
        commonDir.isEmpty() ? gitDir : QDir(gitDir).absoluteFilePath(commonDir);
    if (!commonDir.isEmpty()) {
        const QString shared = readFirstLine(QDir(packedDir).filePath(ref));
        if (!shared.isEmpty())
            return shared;
    }
    QFile packed(QDir(packedDir).filePath(QStringLiteral("packed-refs")));
    if (!packed.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    while (!packed.atEnd()) {
        const QString line = QString::fromUtf8(packed.readLine()).trimmed();
        if (line.endsWith(QLatin1Char(' ') + ref))
            return line.section(QLatin1Char(' '), 0, 0);
    }
    return {};
}

} // namespace

QString describeGitHead(const QString &workspaceRoot)
{
    const QString gitDir = gitDirectory(workspaceRoot);
    if (gitDir.isEmpty())
        return {};
    const QString head = readFirstLine(QDir(gitDir).filePath(QStringLiteral("HEAD")));
    if (head.isEmpty())
        return {};
    if (!head.startsWith(u"ref:"))
        return QStringLiteral("detached@") + head.left(shortHashLength);

    const QString ref = head.mid(4).trimmed();
    const QString branch = ref.startsWith(u"refs/heads/") ? ref.mid(11) : ref;
    const QString commit = resolveRef(gitDir, ref);
    if (commit.isEmpty())
        return branch;
    return branch + u'@' + commit.left(shortHashLength);
}

} // namespace assay::ui
