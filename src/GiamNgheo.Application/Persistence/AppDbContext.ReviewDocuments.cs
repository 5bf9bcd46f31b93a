using GiamNgheo.Application.Reviews.Documents;
using GiamNgheo.Application.Reviews.Rules;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Persistence;

public abstract partial class AppDbContext
{
    /// <summary>Frozen review documents (decision, certificates, posting lists) as rendered at their step.</summary>
    public DbSet<ReviewDocumentEntity> ReviewDocuments => Set<ReviewDocumentEntity>();

    /// <summary>The review procedure's parameters as data (national rows and provincial overrides).</summary>
    public DbSet<ReviewRuleEntity> ReviewRules => Set<ReviewRuleEntity>();
}
