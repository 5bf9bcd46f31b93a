using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:GiamNgheo.Web.Tests.Imports",
    Justification = "Mirrors the feature folder Imports.")]
