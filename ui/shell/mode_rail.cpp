#include "shell/mode_rail.h"

#include <QButtonGroup>
#include <QFile>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

constexpr int railWidth = 76;
constexpr int iconSize = 28;
const char *const areaIdProperty = "areaId";

QString railStyleSheet()
{
    QFile file(QStringLiteral(":/style/mode_rail.qss"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

ModeRail::ModeRail(QWidget *parent)
    : QWidget(parent), m_layout(new QVBoxLayout(this)), m_group(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("modeRail"));
    setFixedWidth(railWidth);
    setStyleSheet(railStyleSheet());
    m_layout->setContentsMargins(0, 4, 1, 4);
    m_layout->setSpacing(2);
    m_layout->addStretch();
    m_group->setExclusive(true);
    connect(m_group, &QButtonGroup::buttonClicked, this, [this](QAbstractButton *button) {
        emit areaSelected(button->property(areaIdProperty).toString());
    });
}

void ModeRail::addArea(const QString &id, const QString &title, const QIcon &icon)
{
    auto *button = new QToolButton(this);
    button->setProperty(areaIdProperty, id);
    button->setObjectName(QStringLiteral("rail_") + id);
    button->setText(title);
    button->setIcon(icon);
    button->setIconSize(QSize(iconSize, iconSize));
    button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    button->setCheckable(true);
    button->setFocusPolicy(Qt::TabFocus);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    button->setToolTip(title);
    m_group->addButton(button);
    m_buttons.append(button);
    m_layout->insertWidget(m_layout->count() - 1, button);
    if (m_buttons.size() == 1)
        button->setChecked(true);
}

void ModeRail::setCurrentArea(const QString &id)
{
    for (QToolButton *button : std::as_const(m_buttons)) {
        if (button->property(areaIdProperty).toString() == id)
            button->setChecked(true);
    }
}

QString ModeRail::currentArea() const
{
    const QAbstractButton *checked = m_group->checkedButton();
    return checked ? checked->property(areaIdProperty).toString() : QString();
}

QStringList ModeRail::areas() const
{
    QStringList ids;
    for (const QToolButton *button : m_buttons)
        ids.append(button->property(areaIdProperty).toString());
    return ids;
}

void ModeRail::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    const QColor window = palette().color(QPalette::Window);
    painter.fillRect(rect(), window.lightness() < 128 ? window.lighter(115) : window.darker(104));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(rect().topRight(), rect().bottomRight());
}

} // namespace assay::ui
