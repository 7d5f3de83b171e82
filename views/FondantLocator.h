// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QString>

class QSettings;

namespace fondant {

/// Finds the reusable components of the Fondant installed in the user's Python, asking Python
/// at most once per installation change: the answer is kept in the settings with a fingerprint
/// of the interpreter and of its package folders, and Python runs again, in the background,
/// only when that fingerprint no longer matches (an interpreter or a package installed,
/// upgraded or removed).
class FondantLocator : public QObject
{
    Q_OBJECT

public:
    /// python: the interpreter to ask; settings: where the answer is kept (not owned).
    FondantLocator(QString python, QSettings *settings, QObject *parent = nullptr);
    ~FondantLocator() override;

    /// Reports the components folder through found(): at once when the kept answer still
    /// holds, else once Python has answered. Reports nothing when Fondant is not installed.
    void start();
    /// Whether the last start() had to ask Python.
    bool askedPython() const { return m_asked; }

Q_SIGNALS:
    void found(const QString &componentsFolder);

private:
    QString fingerprint(const QStringList &folders) const;
    void finish(int exitCode);

    QString m_python;
    QSettings *m_settings;
    QPointer<QProcess> m_process;
    bool m_asked = false;
};

} // namespace fondant
