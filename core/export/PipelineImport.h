// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QStringList>

namespace fondant {

/// A pipeline document rebuilt from a file Fondant's compilers wrote (docker-compose, Kubeflow
/// or Vertex): each step's component from the operation spec its command carries, with its
/// arguments, field mappings, resources and cache setting, in the call order its keys chain
/// in. The keys the file carries are checked against the document's.
class PipelineImport
{
public:
    /// Reads compiledPath and writes the document to documentPath. A component is referred to
    /// where its spec already is (a Compose build folder, or by name in componentDirs or the
    /// bundled library); any other is written next to the document as
    /// components/ID/fondant_component.yaml. Fails, naming the place in the compiled file, when
    /// it is no Fondant pipeline or a file cannot be written; the warnings name every step
    /// whose key the document does not give.
    static Result<QString> run(
        const QString &compiledPath, const QString &documentPath, const QStringList &componentDirs);
};

} // namespace fondant
