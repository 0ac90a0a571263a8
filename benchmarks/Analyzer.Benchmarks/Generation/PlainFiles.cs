using System.Collections.Generic;

namespace KeepAliveAnalyzers.Benchmarks.Generation;

/// <summary>Ordinary classes (collections, LINQ, strings, async, generics): the 90% of a code base the analyzers must pass over cheaply.</summary>
internal static class PlainFiles
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Gen.Domain;


        """;

    private static readonly IReadOnlyDictionary<string, int> NoDiagnostics = new Dictionary<string, int>();

    public static GeneratedFile Create(int index) => new($"Domain/Type{index}.cs", Usings + Body(index), NoDiagnostics);

    /// <summary>Helpers the other plain files call across files, so the compilation has cross-file binding to do.</summary>
    public static GeneratedFile Common() => new("Domain/Common.cs", Usings + """
        public static class Guard
        {
            public static string NotEmpty(string value) => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Empty.", nameof(value)) : value;

            public static double Positive(double value) => value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive.");
        }

        public static class Clock
        {
            public static DateTime Now => DateTime.UtcNow;
        }

        """, NoDiagnostics);

    public static string Body(int i) => (i % 5) switch
    {
        0 => $$"""
            public sealed record Order{{i}}(string Sku, int Quantity, decimal Price);

            public sealed class OrderBook{{i}}
            {
                private readonly List<Order{{i}}> _orders = new List<Order{{i}}>();

                public void Add(string sku, int quantity, decimal price) => _orders.Add(new Order{{i}}(Guard.NotEmpty(sku), quantity, price));

                public decimal Total() => _orders.Where(o => o.Quantity > 0).Sum(o => o.Price * o.Quantity);

                public IReadOnlyList<string> TopSkus(int count) =>
                    _orders.OrderByDescending(o => o.Price * o.Quantity).Take(count).Select(o => o.Sku).ToList();
            }

            """,
        1 => $$"""
            public static class Formatter{{i}}
            {
                public static string Describe(IEnumerable<KeyValuePair<string, int>> items)
                {
                    var builder = new StringBuilder();
                    foreach (var item in items)
                    {
                        if (item.Value <= {{i % 3}}) continue;
                        builder.Append(item.Key.Trim().ToUpperInvariant()).Append('=').Append(item.Value).Append(';');
                    }

                    return builder.Length == 0 ? string.Empty : builder.ToString(0, builder.Length - 1);
                }

                public static string[] Split(string text) => text.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries);
            }

            """,
        2 => $$"""
            public sealed class Cache{{i}}<TValue> where TValue : class
            {
                private readonly Dictionary<string, (TValue Value, DateTime Expires)> _entries = new Dictionary<string, (TValue Value, DateTime Expires)>();
                private readonly TimeSpan _lifetime = TimeSpan.FromSeconds({{30 + (i % 60)}});

                public TValue GetOrAdd(string key, Func<string, TValue> factory)
                {
                    if (_entries.TryGetValue(key, out var entry) && entry.Expires > Clock.Now) return entry.Value;
                    var value = factory(key);
                    _entries[key] = (value, Clock.Now.Add(_lifetime));
                    return value;
                }

                public int Purge() => _entries.Where(e => e.Value.Expires <= Clock.Now).Select(e => e.Key).ToList().Count(_entries.Remove);
            }

            """,
        3 => $$"""
            public sealed class Retrier{{i}}
            {
                private readonly int _attempts = {{2 + (i % 4)}};

                public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            return await action(cancellationToken).ConfigureAwait(false);
                        }
                        catch (InvalidOperationException) when (attempt < _attempts)
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            """,
        _ => $$"""
            public interface IShape{{i}}
            {
                string Name { get; }

                double Area();
            }

            public sealed class Rectangle{{i}} : IShape{{i}}
            {
                public Rectangle{{i}}(double width, double height) => (Width, Height) = (Guard.Positive(width), Guard.Positive(height));

                public double Width { get; }
                public double Height { get; }
                public string Name => $"rect {Width}x{Height}";

                public double Area() => Width * Height;

                public static double TotalArea(IEnumerable<IShape{{i}}> shapes) => shapes.Sum(s => s.Area());
            }

            """,
    };
}
