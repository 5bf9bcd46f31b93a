using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:GiamNgheo.Web.Pages.Imports",
    Justification = "Razor Pages folder /Imports.")]
