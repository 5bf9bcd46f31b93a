using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:GiamNgheo.Application.Imports",
    Justification = "The feature folder is Imports (C# only; VB consumers are not expected).")]
