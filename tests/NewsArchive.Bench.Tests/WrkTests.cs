namespace NewsArchive.Bench.Tests;

public class WrkTests
{
    private const string Output = """
        Running 5s test @ http://127.0.0.1:5000/articles/1
          2 threads and 64 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     7.12ms    3.01ms  48.20ms   80.00%
            Req/Sec     4.51k   310.22     5.10k    70.00%
          Latency Distribution
             50%    6.50ms
             75%    8.10ms
             90%   10.30ms
             99%    1.20s
          44950 requests in 5.00s, 250.10MB read
          Socket errors: connect 0, read 2, write 0, timeout 3
          Non-2xx or 3xx responses: 7
        Requests/sec:   8990.12
        Transfer/sec:     50.02MB
        """;

    [Fact]
    public void Parse_reads_throughput_percentiles_and_counts_every_error()
    {
        var result = Wrk.Parse("http://127.0.0.1:5000/articles/1", Output);

        Assert.Equal(8990.12, result.RequestsPerSecond);
        Assert.Equal(44950, result.Requests);
        Assert.Equal(6.5, result.P50Ms);
        Assert.Equal(1200, result.P99Ms);
        Assert.Equal(12, result.Errors);
    }

    [Fact]
    public void A_run_where_no_request_completed_says_so()
    {
        const string nothing = "Running 5s test @ http://127.0.0.1:5000/search\n  0 requests in 5.10s, 0.00B read\nRequests/sec:      0.00\n";

        var result = Wrk.Parse("http://127.0.0.1:5000/search", nothing);

        Assert.Equal(0, result.Requests);
        Assert.Equal("no request completed during the run", result.Note);
    }

    [Fact]
    public void Run_refuses_non_loopback_addresses()
    {
        Assert.Throws<ArgumentException>(() => Wrk.Run("http://192.0.2.1/", 64, TimeSpan.FromSeconds(1)));
    }
}
