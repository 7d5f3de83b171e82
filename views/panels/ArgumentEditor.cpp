// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/ArgumentEditor.h"

#include "core/value/JsonReader.h"
#include "core/value/PyJson.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace fondant {

namespace {
bool isJsonType(const std::string &type)
{
    return type == "dict" || type == "list" || type == "tuple" || type == "set";
}

QString jsonText(const Value &value)
{
    return QString::fromStdString(
        PyJson::dumps(value, PyJson::KeyOrder::Insertion, PyJson::Ascii::Keep));
}
} // namespace

ArgumentEditor::ArgumentEditor(const ArgumentSpec &argument, QWidget *parent)
    : QWidget(parent), m_argument(argument)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->setSpacing(4);
    column->addLayout(row);

    const std::string &type = argument.type;
    if (type == "int") {
        m_intBox = new QSpinBox;
        m_intBox->setRange(std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
        m_intBox->setAccelerated(true);
        connect(m_intBox, &QSpinBox::valueChanged, this, &ArgumentEditor::emitIfValid);
        m_input = m_intBox;
    } else if (type == "float") {
        m_floatBox = new QDoubleSpinBox;
        m_floatBox->setRange(-1e12, 1e12);
        m_floatBox->setDecimals(6);
        m_floatBox->setSingleStep(0.1);
        connect(m_floatBox, &QDoubleSpinBox::valueChanged, this, &ArgumentEditor::emitIfValid);
        m_input = m_floatBox;
    } else if (type == "bool") {
        m_checkBox = new QCheckBox;
        connect(m_checkBox, &QCheckBox::toggled, this, &ArgumentEditor::emitIfValid);
        m_input = m_checkBox;
    } else if (isJsonType(type)) {
        m_json = new QPlainTextEdit;
        m_json->setTabChangesFocus(true);
        m_json->setFixedHeight(m_json->fontMetrics().lineSpacing() * 3 + 12);
        m_json->setPlaceholderText(type == "dict" ? tr("JSON object, e.g. {\"key\": \"value\"}")
                                                  : tr("JSON list, e.g. [\"a\", \"b\"]"));
        connect(m_json, &QPlainTextEdit::textChanged, this, &ArgumentEditor::emitIfValid);
        m_input = m_json;
    } else {
        m_line = new QLineEdit;
        connect(m_line, &QLineEdit::textEdited, this, &ArgumentEditor::emitIfValid);
        m_input = m_line;
    }
    row->addWidget(m_input, 1);
    m_reset = new QToolButton;
    m_reset->setText(QStringLiteral("↺"));
    m_reset->setAutoRaise(true);
    m_reset->setToolTip(
        argument.isRequired() ? tr("Clear the value") : tr("Back to the component's default"));
    connect(m_reset, &QToolButton::clicked, this, &ArgumentEditor::resetRequested);
    row->addWidget(m_reset);
    m_note = new QLabel;
    m_note->setWordWrap(true);
    QFont small = m_note->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_note->setFont(small);
    column->addWidget(m_note);
    setFocusProxy(m_input);
    setValue(nullptr);
}

Value ArgumentEditor::defaultShown() const
{
    if (m_argument.defaultValue && !m_argument.defaultValue->isNull()
        && !m_argument.defaultsToNone())
        return *m_argument.defaultValue;
    return Value();
}

void ArgumentEditor::setValue(const Value *value)
{
    m_updating = true;
    m_isSet = value != nullptr;
    const Value shown = value ? *value : defaultShown();
    if (m_intBox)
        m_intBox->setValue(shown.isInt()
                ? static_cast<int>(std::clamp<std::int64_t>(shown.toSaturatedInt(),
                    std::numeric_limits<int>::min(), std::numeric_limits<int>::max()))
                : 0);
    if (m_floatBox)
        m_floatBox->setValue(shown.isNumber() ? shown.toDouble() : 0.0);
    if (m_checkBox)
        m_checkBox->setChecked(shown.isBool() && shown.toBool());
    if (m_line) {
        if (value)
            m_line->setText(
                shown.isString() ? QString::fromStdString(shown.toString()) : jsonText(shown));
        else
            m_line->clear();
        m_line->setPlaceholderText(
            shown.isString() ? QString::fromStdString(shown.toString()) : QString());
    }
    if (m_json && !m_json->hasFocus())
        m_json->setPlainText(shown.isNull() ? QString() : jsonText(shown));
    m_updating = false;
    m_mismatch.clear();
    if (value && !value->isNull() && !m_argument.accepts(*value))
        m_mismatch = tr("the pipeline sets %1, which is not %2; change it here to replace it")
                         .arg(jsonText(*value), QString::fromStdString(m_argument.type));
    showState();
}

QString ArgumentEditor::problem() const
{
    if (!m_mismatch.isEmpty())
        return m_mismatch;
    if (!m_json)
        return {};
    const QString text = m_json->toPlainText().trimmed();
    if (text.isEmpty())
        return {};
    Result<Value> parsed = JsonReader::parse(text.toStdString(), "value");
    if (!parsed.ok())
        return tr("not valid JSON: %1").arg(QString::fromStdString(parsed.errorMessage()));
    const bool wantsObject = m_argument.type == "dict";
    if (wantsObject && !parsed.value().isObject())
        return tr("needs a JSON object { … }");
    if (!wantsObject && !parsed.value().isArray())
        return tr("needs a JSON list [ … ]");
    return {};
}

void ArgumentEditor::emitIfValid()
{
    if (m_updating)
        return;
    m_mismatch.clear(); // the user is typing a replacement
    Value value;
    if (m_intBox) {
        value = Value(static_cast<std::int64_t>(m_intBox->value()));
    } else if (m_floatBox) {
        value = Value(m_floatBox->value());
    } else if (m_checkBox) {
        value = Value(m_checkBox->isChecked());
    } else if (m_line) {
        value = Value(m_line->text().toStdString());
    } else if (m_json) {
        showState();
        if (!problem().isEmpty() || m_json->toPlainText().trimmed().isEmpty())
            return;
        value = JsonReader::parse(m_json->toPlainText().toStdString(), "value").value();
    }
    m_isSet = true;
    showState();
    Q_EMIT valueEdited(value);
}

void ArgumentEditor::showState()
{
    const QString error = problem();
    m_reset->setEnabled(m_isSet);
    if (!error.isEmpty()) {
        m_note->setText(error);
        m_note->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_input->setStyleSheet(QStringLiteral("border: 1px solid #c62828;"));
        m_note->setVisible(true);
        return;
    }
    m_input->setStyleSheet(QString());
    m_note->setStyleSheet(QStringLiteral("color: #5b6570;"));
    if (m_isSet)
        m_note->clear();
    else if (m_argument.isRequired())
        m_note->setText(tr("required: no value yet"));
    else if (m_argument.defaultsToNone())
        m_note->setText(tr("not set (no value is passed)"));
    else
        m_note->setText(tr("default: %1").arg(jsonText(*m_argument.defaultValue)));
    m_note->setVisible(!m_note->text().isEmpty());
}

} // namespace fondant
