// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/ArgumentEditor.h"

#include "core/value/JsonReader.h"
#include "core/value/PyJson.h"
#include "views/panels/NoteLabel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace fondant {

namespace {
bool isJsonType(const std::string &type)
{
    return type == "dict" || type == "list" || type == "tuple" || type == "set";
}

// A value as Python writes it: floats in their shortest form that reads back the same
// ("0.15", "1e-05", "2.0").
QString jsonText(const Value &value)
{
    return QString::fromStdString(
        PyJson::dumps(value, PyJson::KeyOrder::Insertion, PyJson::Ascii::Keep));
}

// A value in a line: text as it is, anything else as Python writes it.
QString lineText(const Value &value)
{
    return value.isString() ? QString::fromStdString(value.toString()) : jsonText(value);
}
} // namespace

ArgumentEditor::ArgumentEditor(const ArgumentSpec &argument, QWidget *parent)
    : QWidget(parent), m_argument(argument)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 4, 0, 0);
    column->setSpacing(2);

    auto *header = new QHBoxLayout;
    const QString name = QString::fromStdString(argument.name);
    auto *nameLabel = new QLabel(name);
    QFont bold = nameLabel->font();
    bold.setBold(true);
    nameLabel->setFont(bold);
    header->addWidget(nameLabel);
    header->addStretch();
    auto *typeLabel = new NoteLabel(QString::fromStdString(argument.type)
        + (argument.isRequired() ? tr(", required") : QString()));
    header->addWidget(typeLabel);
    column->addLayout(header);

    if (!argument.description.empty()) {
        auto *description = new NoteLabel(QString::fromStdString(argument.description));
        description->setObjectName(QStringLiteral("description"));
        description->setMaximumLines(3);
        column->addWidget(description);
    }

    auto *row = new QHBoxLayout;
    row->setSpacing(4);
    column->addLayout(row);
    if (argument.type == "bool") {
        m_checkBox = new QCheckBox;
        connect(m_checkBox, &QCheckBox::toggled, this, &ArgumentEditor::takeInput);
        m_input = m_checkBox;
    } else if (isJsonType(argument.type)) {
        m_json = new QPlainTextEdit;
        m_json->setTabChangesFocus(true);
        m_json->setFixedHeight(m_json->fontMetrics().lineSpacing() * 3 + 12);
        m_json->setPlaceholderText(placeholder() + QStringLiteral(" — ")
            + (argument.type == "dict" ? tr("a JSON object, e.g. {\"key\": \"value\"}")
                                       : tr("a JSON list, e.g. [\"a\", \"b\"]")));
        connect(m_json, &QPlainTextEdit::textChanged, this, &ArgumentEditor::takeInput);
        m_input = m_json;
    } else {
        m_line = new QLineEdit;
        m_line->setPlaceholderText(placeholder());
        connect(m_line, &QLineEdit::textEdited, this, &ArgumentEditor::takeInput);
        m_input = m_line;
    }
    m_input->setToolTip(QString::fromStdString(argument.description));
    row->addWidget(m_input, 1);
    m_reset = new QToolButton;
    m_reset->setText(QStringLiteral("↺"));
    m_reset->setAutoRaise(true);
    m_reset->setToolTip(
        argument.isRequired() ? tr("Clear the value") : tr("Back to the component's default"));
    connect(m_reset, &QToolButton::clicked, this, &ArgumentEditor::requestReset);
    row->addWidget(m_reset, 0, Qt::AlignTop);

    m_note = new NoteLabel;
    column->addWidget(m_note);
    setFocusProxy(m_input);
    setValue(nullptr);
}

QString ArgumentEditor::placeholder() const
{
    if (m_argument.isRequired())
        return tr("required");
    if (m_argument.defaultsToNone())
        return tr("not set");
    const Value &fallback = *m_argument.defaultValue;
    const bool plainText = fallback.isString() && !fallback.toString().empty();
    return tr("default: %1").arg(plainText ? lineText(fallback) : jsonText(fallback));
}

void ArgumentEditor::setValue(const Value *value)
{
    m_updating = true;
    m_isSet = value != nullptr;
    if (m_checkBox) {
        const Value shown
            = value ? *value : (m_argument.defaultValue ? *m_argument.defaultValue : Value());
        m_checkBox->setChecked(shown.isBool() && shown.toBool());
    }
    if (m_line || m_json) {
        // While the user types, a value equal to the text keeps the text as typed ("0.150").
        QString unused;
        const std::optional<Value> typed = parse(inputText(), unused);
        const bool keepTyped = m_input->hasFocus() && value && typed && *typed == *value;
        const QString text = !value ? QString() : m_line ? lineText(*value) : jsonText(*value);
        if (!keepTyped && m_line)
            m_line->setText(text);
        else if (!keepTyped)
            m_json->setPlainText(text);
    }
    m_updating = false;
    m_problem.clear();
    if (value && !value->isNull() && !m_argument.accepts(*value))
        m_problem = tr("the pipeline sets %1, which is not %2; change it here to replace it")
                        .arg(jsonText(*value), QString::fromStdString(m_argument.type));
    showState();
}

QString ArgumentEditor::problem() const
{
    return m_problem;
}

QString ArgumentEditor::inputText() const
{
    return m_line ? m_line->text() : m_json ? m_json->toPlainText() : QString();
}

std::optional<Value> ArgumentEditor::parse(const QString &text, QString &problem) const
{
    const QString trimmed = text.trimmed();
    if (m_argument.type == "str")
        return Value(text.toStdString());
    if (trimmed.isEmpty())
        return std::nullopt;
    if (m_argument.type == "int") {
        static const QRegularExpression wholeNumber(QStringLiteral("^[+-]?[0-9]+$"));
        if (!wholeNumber.match(trimmed).hasMatch()) {
            problem = tr("not a whole number; write e.g. 100");
            return std::nullopt;
        }
        bool ok = false;
        const qlonglong number = trimmed.toLongLong(&ok);
        if (!ok) {
            problem = tr("too large: whole numbers go from -9223372036854775808 to "
                         "9223372036854775807");
            return std::nullopt;
        }
        return Value(static_cast<std::int64_t>(number));
    }
    if (m_argument.type == "float") {
        bool ok = false;
        const double number = trimmed.toDouble(&ok);
        if (!ok || !std::isfinite(number)) {
            problem = tr("not a finite number; write e.g. 0.5 or 1e-05");
            return std::nullopt;
        }
        return Value(number);
    }
    Result<Value> parsed = JsonReader::parse(trimmed.toStdString(), "value");
    if (!parsed.ok()) {
        problem = tr("not valid JSON: %1").arg(QString::fromStdString(parsed.errorMessage()));
        return std::nullopt;
    }
    const bool wantsObject = m_argument.type == "dict";
    if (wantsObject && !parsed.value().isObject()) {
        problem = tr("needs a JSON object { … }");
        return std::nullopt;
    }
    if (!wantsObject && !parsed.value().isArray()) {
        problem = tr("needs a JSON list [ … ]");
        return std::nullopt;
    }
    return parsed.value();
}

void ArgumentEditor::takeInput()
{
    if (m_updating)
        return;
    m_problem.clear(); // the user is typing a replacement
    if (m_checkBox) {
        m_isSet = true;
        showState();
        Q_EMIT valueEdited(Value(m_checkBox->isChecked()));
        return;
    }
    if (inputText().isEmpty()) {
        requestReset();
        return;
    }
    const std::optional<Value> value = parse(inputText(), m_problem);
    if (!value) {
        showState();
        return;
    }
    m_isSet = true;
    showState();
    Q_EMIT valueEdited(*value);
}

void ArgumentEditor::requestReset()
{
    const bool wasSet = m_isSet;
    setValue(nullptr);
    if (wasSet)
        Q_EMIT resetRequested();
}

void ArgumentEditor::showState()
{
    m_reset->setEnabled(m_isSet || !inputText().isEmpty());
    if (!m_problem.isEmpty()) {
        m_note->setTone(NoteLabel::Tone::Problem);
        m_note->setText(m_problem);
    } else {
        m_note->setTone(NoteLabel::Tone::Secondary);
        // A check box has no placeholder: the note says what an unset one means.
        m_note->setText(m_checkBox && !m_isSet ? placeholder() : QString());
    }
    m_note->setVisible(!m_note->text().isEmpty());
}

} // namespace fondant
