#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>

class QApplication;

namespace assay::ui {

enum class StatusTone { Ok, Failed, Warning, Unknown };

// Fusion style over the system palette, with our single accent colour as the highlight.
// The palette keeps following the platform (light or dark); only the accent is ours.
void applyWorkbenchStyle(QApplication &app);

bool isDarkPalette(const QPalette &palette);
QColor accentColor(const QPalette &palette);
// Green ok/added, red failed/removed/drifted, amber warning/modified, grey unknown;
// shades chosen to stay readable on both light and dark backgrounds.
QColor statusColor(StatusTone tone, const QPalette &palette);
// A faint background of the same status colour, for whole table rows or cells; text in
// the palette's normal colour stays readable on it.
QColor statusTint(StatusTone tone, const QPalette &palette);
// A small round dot in the status colour, for the word beside it (never colour alone).
QIcon statusDot(StatusTone tone, const QPalette &palette);
// Secondary text: missing values, captions, hints.
QColor mutedTextColor(const QPalette &palette);

} // namespace assay::ui
