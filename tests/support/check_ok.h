#pragma once

#include <QTest>

// Fails the current Qt test with the Result's error message when it holds an error.
#define CHECK_OK(expr)                                                                             \
    do {                                                                                           \
        const auto &checked = (expr);                                                              \
        QVERIFY2(checked.ok(), checked.ok() ? "" : checked.error().message.c_str());               \
    } while (false)
