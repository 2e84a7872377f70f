using System.Reflection.Emit;

namespace NewsArchive.Bench.Tests;

public class WarmUpTests
{
    private static readonly List<BenchQuery> Mix = [.. Enumerable.Range(0, 60).Select(i => new BenchQuery("common", $"word{i}"))];

    [Fact]
    public void Warm_up_stops_once_a_pass_compiles_next_to_nothing()
    {
        var runs = 0;

        var passes = Latency.WarmUp(Mix, _ =>
        {
            runs++;
            return Task.CompletedTask;
        });

        Assert.InRange(passes, 1, Latency.MaxWarmUpPasses - 1);
        Assert.Equal(passes * Mix.Count, runs);
    }

    [Fact]
    public void Warm_up_goes_on_while_the_jit_compiles_and_stops_at_its_limit()
    {
        // Each query compiles a method of its own: a pass never compiles fewer than the mix's 60.
        var passes = Latency.WarmUp(Mix, _ =>
        {
            var method = new DynamicMethod("fresh", typeof(int), Type.EmptyTypes);
            var il = method.GetILGenerator();
            il.Emit(OpCodes.Ldc_I4_1);
            il.Emit(OpCodes.Ret);
            method.Invoke(null, null);
            return Task.CompletedTask;
        });

        Assert.Equal(Latency.MaxWarmUpPasses, passes);
    }

    [Fact]
    public void Measure_times_only_the_passes_after_the_warm_up()
    {
        var timedRuns = 0;
        var timing = false;

        var (all, _, errors) = Latency.Measure(Mix, 2, _ =>
        {
            timedRuns += timing ? 1 : 0;
            return Task.CompletedTask;
        }, () => timing = true);

        Assert.Equal(0, errors);
        Assert.Equal(2 * Mix.Count, all.Count);
        Assert.Equal(2 * Mix.Count, timedRuns);
    }
}
