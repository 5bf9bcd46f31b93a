using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Targets;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Persistence;

public abstract partial class AppDbContext
{
    public DbSet<ReportSetEntity> ReportSets => Set<ReportSetEntity>();
    public DbSet<TargetEntity> Targets => Set<TargetEntity>();
}
