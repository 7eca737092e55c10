#include "runs/run_filter_box.h"

#include "common/theme.h"
#include "runs/runs_snapshot.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>
#include <QTimer>

namespace assay::ui {

namespace {

constexpr int typingPauseMs = 250;

bool isKeyCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'-' || c == u'/' || c == u'`';
}

} // namespace

QString describeFilterError(const std::string &coreMessage)
{
    const QString firstLine = QString::fromStdString(coreMessage).section(u'\n', 0, 0);
    static const QRegularExpression located(QStringLiteral("^filter:\\d+:(\\d+): (.*)$"));
    const QRegularExpressionMatch match = located.match(firstLine);
    if (!match.hasMatch())
        return firstLine;
    return QObject::tr("Column %1: %2").arg(match.captured(1), match.captured(2));
}

RunFilterBox::RunFilterBox(QWidget *parent)
    : QLineEdit(parent), m_completer(new QCompleter(this)), m_keys(new QStringListModel(this)),
      m_typingPause(new QTimer(this))
{
    setObjectName(QStringLiteral("runFilter"));
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Filter runs: metrics.auc > 0.8 and params.max_depth = '6'"));
    setToolTip(tr("MLflow's search syntax: metrics.KEY, params.KEY, tags.KEY, attributes.status, "
                  "attributes.run_name, attributes.start_time…\nCompare with = != < <= > >= LIKE "
                  "ILIKE IN; combine with and, or and parentheses. Strings in quotes."));
    m_completer->setModel(m_keys);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(this);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &RunFilterBox::insertCompletion);

    m_typingPause->setSingleShot(true);
    m_typingPause->setInterval(typingPauseMs);
    connect(m_typingPause, &QTimer::timeout, this, &RunFilterBox::parse);
    connect(this, &QLineEdit::textEdited, this, [this] {
        m_typingPause->start();
        completeWordAtCursor();
    });
    // Cleared with the button, or set by code: no typing pause to wait for.
    connect(this, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() || !hasFocus())
            applyNow();
    });
    connect(this, &QLineEdit::returnPressed, this, &RunFilterBox::applyNow);
}

void RunFilterBox::setKeys(const RunsSnapshot &snapshot)
{
    QStringList keys;
    for (const QString &key : snapshot.metricKeys)
        keys.append(QStringLiteral("metrics.") + key);
    for (const QString &key : snapshot.paramKeys)
        keys.append(QStringLiteral("params.") + key);
    for (const QString &key : snapshot.tagKeys)
        keys.append(QStringLiteral("tags.") + key);
    for (const char *attribute :
         {"status", "run_name", "run_id", "start_time", "end_time", "user", "experiment"})
        keys.append(QStringLiteral("attributes.") + QLatin1String(attribute));
    if (keys != m_keys->stringList())
        m_keys->setStringList(keys);
}

QStringList RunFilterBox::completions() const
{
    return m_keys->stringList();
}

void RunFilterBox::applyNow()
{
    m_typingPause->stop();
    parse();
}

void RunFilterBox::parse()
{
    const QString text = this->text().trimmed();
    if (text.isEmpty()) {
        showError({});
        if (m_filter || !m_applied.isEmpty()) {
            m_filter.reset();
            m_applied.clear();
            emit filterChanged(nullptr);
        }
        return;
    }
    auto parsed = track::parseFilter(text.toStdString());
    if (!parsed) {
        showError(describeFilterError(parsed.error().message));
        return;
    }
    showError({});
    if (text == m_applied && m_filter)
        return;
    m_applied = text;
    m_filter = std::make_shared<const track::FilterNode>(std::move(*parsed));
    emit filterChanged(m_filter);
}

void RunFilterBox::showError(const QString &message)
{
    if (message == m_error)
        return;
    m_error = message;
    if (message.isEmpty()) {
        setStyleSheet({});
    } else {
        const QPalette colours = palette();
        setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid %1; border-radius: 2px; "
                                     "background: %2; padding: 2px; }")
                          .arg(statusColor(StatusTone::Failed, colours).name(),
                               statusTint(StatusTone::Failed, colours).name(QColor::HexArgb)));
    }
    emit errorChanged(message);
}

QString RunFilterBox::wordAtCursor() const
{
    const QString line = text();
    int begin = cursorPosition();
    while (begin > 0 && isKeyCharacter(line.at(begin - 1)))
        --begin;
    return line.mid(begin, cursorPosition() - begin);
}

void RunFilterBox::completeWordAtCursor()
{
    const QString word = wordAtCursor();
    if (word.size() < 2) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(word);
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 && m_completer->currentCompletion() == word)) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(rect);
}

void RunFilterBox::insertCompletion(const QString &completion)
{
    const int end = cursorPosition();
    const int begin = end - int(wordAtCursor().size());
    QString line = text();
    line.replace(begin, end - begin, completion);
    setText(line);
    setCursorPosition(begin + int(completion.size()));
    m_typingPause->start();
}

void RunFilterBox::keyPressEvent(QKeyEvent *event)
{
    // While the completion list is open, these keys choose from it.
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace assay::ui
