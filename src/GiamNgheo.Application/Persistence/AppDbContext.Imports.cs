using GiamNgheo.Application.Imports;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Persistence;

public abstract partial class AppDbContext
{
    public DbSet<ImportRecord> ImportRecords => Set<ImportRecord>();
}
