#include "data/version_picker.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSignalBlocker>

namespace assay::ui {

namespace {
constexpr int shortCommitLength = 7;
constexpr int maxMessageLength = 48;
} // namespace

VersionPicker::VersionPicker(QWidget *parent) : QComboBox(parent)
{
    // Long version labels are cut in the box (the list shows them whole), so two pickers
    // and their options fit side by side in a narrow window.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(18);
    connect(this, &QComboBox::activated, this, &VersionPicker::onActivated);
}

void VersionPicker::setDataset(const std::filesystem::path &root, const QString &relativePath,
                               const std::vector<version::DatasetVersion> &versions,
                               bool workingCopy)
{
    const QSignalBlocker blocker(this);
    clear();
    const QString absolute =
        QString::fromStdString((root / relativePath.toStdString()).generic_string());
    if (workingCopy) {
        addItem(tr("%1 · working copy").arg(relativePath));
        setItemData(count() - 1, absolute, PathRole);
        setItemData(count() - 1, relativePath, NameRole);
        setItemData(count() - 1, tr("The file on disk now"), Qt::ToolTipRole);
    }
    for (const version::DatasetVersion &version : versions) {
        const QString commit = QString::fromStdString(version.commit);
        const QString shortCommit = commit.left(shortCommitLength);
        QString message = QString::fromStdString(version.message);
        if (message.size() > maxMessageLength)
            message = message.left(maxMessageLength - 1) + u'…';
        const QString date =
            QDateTime::fromSecsSinceEpoch(version.time).toString(QStringLiteral("yyyy-MM-dd"));
        addItem(QStringLiteral("%1 · %2 · %3").arg(shortCommit, date, message));
        setItemData(count() - 1, absolute, PathRole);
        setItemData(count() - 1, commit, RevisionRole);
        setItemData(count() - 1, QStringLiteral("%1@%2").arg(relativePath, shortCommit), NameRole);
        setItemData(count() - 1,
                    QStringLiteral("%1\n%2 <%3>\n%4")
                        .arg(commit, QString::fromStdString(version.author),
                             QString::fromStdString(version.email),
                             QString::fromStdString(version.message)),
                    Qt::ToolTipRole);
    }
    insertSeparator(count());
    addItem(tr("Other file…"));
    setItemData(count() - 1, true, OtherFileRole);
    setCurrentIndex(count() > 2 ? 0 : -1);
    m_lastIndex = currentIndex();
}

bool VersionPicker::selectCommit(const QString &commit)
{
    for (int i = 0; i < count(); ++i) {
        if (itemData(i, PathRole).isNull())
            continue;
        if (itemData(i, RevisionRole).toString() == commit) {
            setCurrentIndex(i);
            m_lastIndex = i;
            return true;
        }
    }
    return false;
}

void VersionPicker::selectFile(const QString &file)
{
    const int at = otherFileIndex() - 1; // before the separator
    const QString name = QDir::cleanPath(file);
    insertItem(at, tr("%1 · file").arg(QFileInfo(name).fileName()));
    setItemData(at, name, PathRole);
    setItemData(at, name, NameRole);
    setItemData(at, name, Qt::ToolTipRole);
    setCurrentIndex(at);
    m_lastIndex = at;
    emit refChanged();
}

std::optional<version::DatasetRef> VersionPicker::currentRef() const
{
    const int index = currentIndex();
    if (index < 0 || itemData(index, PathRole).isNull())
        return std::nullopt;
    version::DatasetRef ref{itemData(index, PathRole).toString().toStdString(), std::nullopt};
    const QString revision = itemData(index, RevisionRole).toString();
    if (!revision.isEmpty())
        ref.revision = revision.toStdString();
    return ref;
}

QString VersionPicker::currentName() const
{
    return currentIndex() < 0 ? QString() : itemData(currentIndex(), NameRole).toString();
}

int VersionPicker::otherFileIndex() const
{
    for (int i = count() - 1; i >= 0; --i) {
        if (itemData(i, OtherFileRole).toBool())
            return i;
    }
    return count();
}

void VersionPicker::onActivated(int index)
{
    if (!itemData(index, OtherFileRole).toBool()) {
        if (index != m_lastIndex) {
            m_lastIndex = index;
            emit refChanged();
        }
        return;
    }
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Compare with a file"), QString(),
        tr("Tables (*.csv *.tsv *.tab *.jsonl *.ndjson);;All files (*)"));
    if (file.isEmpty()) {
        setCurrentIndex(m_lastIndex);
        return;
    }
    selectFile(file);
}

} // namespace assay::ui
