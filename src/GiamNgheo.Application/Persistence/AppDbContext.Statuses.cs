using GiamNgheo.Application.Statuses;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Persistence;

public abstract partial class AppDbContext
{
    /// <summary>Append-only: the statuses frozen by recognition decisions (docs/review-workflow.md, "Statuses").</summary>
    public DbSet<HouseholdStatusEntity> HouseholdStatuses => Set<HouseholdStatusEntity>();
}
