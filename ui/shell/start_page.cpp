#include "shell/start_page.h"

#include "common/icons.h"
#include "common/theme.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent), m_actions(new QWidget(this)), m_recent(new QListWidget(this)),
      m_recentEmpty(new QLabel(tr("Workspaces you open are listed here."), this))
{
    auto *logo = new QLabel(this);
    logo->setPixmap(workbenchIcon(QStringLiteral("assay")).pixmap(64, 64));
    auto *name = new QLabel(tr("Assay Workbench"), this);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 2.0);
    nameFont.setBold(true);
    name->setFont(nameFont);
    auto *tagline = new QLabel(
        tr("Version data, track experiments, explain models, watch for drift — one folder is "
           "one workspace."),
        this);
    tagline->setWordWrap(true);
    QPalette muted = tagline->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(palette()).darker(120));
    tagline->setPalette(muted);
    m_recentEmpty->setPalette(muted);

    auto *titleText = new QVBoxLayout;
    titleText->addWidget(name);
    titleText->addWidget(tagline);
    auto *title = new QHBoxLayout;
    title->setSpacing(16);
    title->addWidget(logo, 0, Qt::AlignTop);
    title->addLayout(titleText, 1);

    auto *actions = new QVBoxLayout(m_actions);
    actions->setContentsMargins(0, 0, 0, 0);
    actions->setSpacing(4);
    actions->addWidget(sectionLabel(tr("Start"), this));
    connect(addAction(tr("Open Workspace…"), tr("A folder with .assay/ in it  (Ctrl+O)")),
            &QPushButton::clicked, this, &StartPage::openRequested);
    connect(addAction(tr("Create Workspace…"),
                      tr("Turns a folder into a workspace: git, DVC layout, database")),
            &QPushButton::clicked, this, &StartPage::createRequested);
    m_demo = addAction(tr("Open the Demo Workspace"),
                       tr("A credit-risk dataset in two versions, ready to explore"));
    connect(m_demo, &QPushButton::clicked, this, &StartPage::demoRequested);
    actions->addStretch();

    auto *recent = new QVBoxLayout;
    recent->setSpacing(6);
    recent->addWidget(sectionLabel(tr("Recent Workspaces"), this));
    recent->addWidget(m_recentEmpty);
    recent->addWidget(m_recent);
    recent->addStretch();
    m_recent->setObjectName(QStringLiteral("recentWorkspaces"));
    m_recent->setFrameShape(QFrame::NoFrame);
    m_recent->setTextElideMode(Qt::ElideMiddle);
    m_recent->setMinimumHeight(260);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit recentRequested(item->data(Qt::UserRole).toString());
    });

    auto *columns = new QHBoxLayout;
    columns->setSpacing(48);
    columns->addWidget(m_actions, 2);
    columns->addLayout(recent, 3);

    auto *content = new QWidget(this);
    content->setMaximumWidth(920);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setSpacing(32);
    contentLayout->addLayout(title);
    contentLayout->addLayout(columns);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(content, 8);
    row->addStretch(1);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(48, 48, 48, 48);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    setRecentWorkspaces({});
}

QPushButton *StartPage::addAction(const QString &text, const QString &hint)
{
    auto *button = new QPushButton(text, m_actions);
    button->setMinimumHeight(32);
    button->setStyleSheet(QStringLiteral("text-align: left; padding: 4px 12px;"));
    auto *caption = new QLabel(hint, m_actions);
    QPalette muted = caption->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(palette()).darker(120));
    caption->setPalette(muted);
    caption->setContentsMargins(4, 0, 0, 8);
    caption->setWordWrap(true);
    auto *layout = static_cast<QVBoxLayout *>(m_actions->layout());
    layout->addWidget(button);
    layout->addWidget(caption);
    return button;
}

void StartPage::setRecentWorkspaces(const QStringList &paths)
{
    m_recent->clear();
    for (const QString &path : paths) {
        const QString name = QFileInfo(path).fileName();
        auto *item =
            new QListWidgetItem(QStringLiteral("%1\n%2").arg(name.isEmpty() ? path : name,
                                                             QDir::toNativeSeparators(path)),
                                m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    m_recent->setVisible(!paths.isEmpty());
    m_recentEmpty->setVisible(paths.isEmpty());
}

void StartPage::setDemoBusy(bool busy)
{
    m_demo->setEnabled(!busy);
    m_demo->setText(busy ? tr("Creating the Demo Workspace…") : tr("Open the Demo Workspace"));
}

} // namespace assay::ui
