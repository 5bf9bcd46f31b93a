using GiamNgheo.Domain.Common;

namespace GiamNgheo.Domain.Tests;

public class ArchitectureTests
{
    [Fact]
    public void Domain_ReferencesOnlyTheBaseClassLibrary() =>
        Assert.All(typeof(AreaType).Assembly.GetReferencedAssemblies(),
            a => Assert.True(a.Name is "System.Runtime" or "netstandard" || a.Name!.StartsWith("System.", StringComparison.Ordinal), a.Name));
}
