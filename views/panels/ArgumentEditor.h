// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spec/ComponentSpec.h"
#include "core/value/Value.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;

namespace fondant {

/// Edits one component argument with a control fitting its type: a spin box for int and float
/// (with range checks), a check box for bool, a line for text, JSON with inline checking for lists
/// and mappings. Shows the default while the argument is not set; reset removes the value.
class ArgumentEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ArgumentEditor(const ArgumentSpec &argument, QWidget *parent = nullptr);

    /// Shows the step's value, or the default when value is null. Emits nothing.
    void setValue(const Value *value);
    bool isSet() const { return m_isSet; }
    /// The problem with the text typed so far ("" when it is a valid value).
    QString problem() const;
    QWidget *focusWidget() const { return m_input; }

Q_SIGNALS:
    void valueEdited(const fondant::Value &value);
    void resetRequested();

private:
    void emitIfValid();
    void showState();
    Value defaultShown() const;

    ArgumentSpec m_argument;
    bool m_isSet = false;
    bool m_updating = false;
    QString m_mismatch; ///< set when the step's value does not fit the argument's type
    QWidget *m_input = nullptr;
    QSpinBox *m_intBox = nullptr;
    QDoubleSpinBox *m_floatBox = nullptr;
    QCheckBox *m_checkBox = nullptr;
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_json = nullptr;
    QToolButton *m_reset = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace fondant
