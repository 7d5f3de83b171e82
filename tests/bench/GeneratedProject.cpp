// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "GeneratedProject.h"

#include <QDir>
#include <QFile>

#include <string>

namespace fondant::bench {

namespace {

std::string componentSpec(int i)
{
    const std::string n = std::to_string(i);
    const std::string produces = i == 0
        ? "produces:\n  text:\n    type: string\n  score:\n    type: float32\n"
        : "produces:\n  f" + n + ":\n    type: int32\n";
    const std::string consumes = i == 0 ? "" : "consumes:\n  text:\n    type: string\n";
    return "name: Component " + n + "\ndescription: Step " + n
        + " of a generated pipeline\nimage: registry.example.com/c" + n + ":1."
        + std::to_string(i % 7) + "\ntags: [Generated]\n" + consumes + produces
        + "args:\n  threshold:\n    type: float\n    default: 0.5\n"
          "  label:\n    type: str\n    default: none\n";
}

std::string pipelineText(int steps)
{
    std::string text = "version: 1\nname: generated-" + std::to_string(steps)
        + "\ncomponent_dirs: [./components]\nsteps:\n";
    for (int i = 0; i < steps; ++i) {
        const std::string n = std::to_string(i);
        text += "  - id: c" + n + "\n    component: c" + n + "\n";
        if (i > 0)
            text += "    input: c" + std::to_string(i % 10 == 0 && i >= 2 ? i - 2 : i - 1) + "\n";
        // The threshold as Python writes i / 1000.
        std::string threshold
            = std::to_string(i / 1000) + "." + std::to_string(i % 1000 + 1000).substr(1);
        while (threshold.back() == '0' && threshold[threshold.size() - 2] != '.')
            threshold.pop_back();
        text += "    arguments: {threshold: " + threshold + ", label: step-" + n + "}\n";
    }
    return text;
}

bool writeFile(const QString &path, const std::string &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly)
        && file.write(text.data(), static_cast<qint64>(text.size()))
        == static_cast<qint64>(text.size());
}

} // namespace

QString writeGeneratedProject(int steps, const QString &folder)
{
    const QDir root(folder);
    for (int i = 0; i < steps; ++i) {
        const QString component = QStringLiteral("components/c%1").arg(i);
        if (!root.mkpath(component)
            || !writeFile(root.filePath(component + QStringLiteral("/fondant_component.yaml")),
                componentSpec(i)))
            return {};
    }
    const QString pipeline = root.filePath(QStringLiteral("pipeline.yaml"));
    return writeFile(pipeline, pipelineText(steps)) ? pipeline : QString();
}

} // namespace fondant::bench
