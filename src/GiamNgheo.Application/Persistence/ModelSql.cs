using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GiamNgheo.Application.Persistence;

/// <summary>
/// Quoted table and column names taken from the EF model, for the few statements written as SQL text (a renamed
/// property or table renames them too). Double quotes delimit identifiers on SQLite and PostgreSQL alike.
/// </summary>
internal static class ModelSql
{
    public static string Table<T>(this AppDbContext db) => Quote(Entity<T>(db).GetTableName()!);

    public static string Column<T>(this AppDbContext db, string property)
    {
        var entity = Entity<T>(db);
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var column = entity.FindProperty(property)?.GetColumnName(table)
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not a mapped column.");
        return Quote(column);
    }

    private static IEntityType Entity<T>(AppDbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
