using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Standards;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Standards;

public sealed record ImportStandardCommand(string Json, bool? ClassifyInParallel = null);

/// <summary>
/// Loads a standard definition (JSON) into the database: a corrected national standard or a province's local one.
/// System administrators may load any; a provincial officer only a local standard of their own province.
/// </summary>
public sealed class ImportStandardHandler(AppDbContext db)
{
    public async Task<Result<PovertyStandard>> ExecuteAsync(ImportStandardCommand command, CancellationToken ct)
    {
        PovertyStandard standard;
        try
        {
            standard = StandardJson.Deserialize(command.Json).Validated();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return Result<PovertyStandard>.Invalid(new Dictionary<string, string[]> { ["json"] = ["Tệp chuẩn nghèo không hợp lệ: " + ex.Message] });
        }

        var user = db.CurrentUser;
        var allowed = user.IsInRole(Roles.SystemAdmin)
            || (user.IsInRole(Roles.ProvincialOfficer) && standard.ProvinceCode is not null && standard.ProvinceCode == user.ScopeUnitCode);
        if (!allowed)
        {
            return Result<PovertyStandard>.Forbidden("Chỉ quản trị hệ thống được nạp chuẩn quốc gia; cán bộ tỉnh chỉ nạp chuẩn riêng của tỉnh mình.");
        }

        var row = await db.PovertyStandards.SingleOrDefaultAsync(s => s.Code == standard.Code, ct);
        if (row is null)
        {
            row = new PovertyStandardEntity { Code = standard.Code, Json = string.Empty };
            db.PovertyStandards.Add(row);
        }

        row.ProvinceCode = standard.ProvinceCode;
        row.Json = StandardJson.Serialize(standard);
        row.ClassifyInParallel = command.ClassifyInParallel ?? row.ClassifyInParallel;
        row.UpdatedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        return Result<PovertyStandard>.Ok(standard);
    }
}
