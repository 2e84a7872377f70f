using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using System.Diagnostics;

namespace NewsArchive.Bench;

/// <summary>
/// The ceiling for page throughput: the same article page, pre-rendered to an HTML file, served by
/// nginx when it is installed (the stricter ceiling) or else by Kestrel's static files.
/// </summary>
internal static class StaticCeiling
{
    public const string PagePath = "/article.html";

    /// <summary>Writes the rendered page and starts a static server for it; the caller disposes the returned server.</summary>
    public static (IDisposable Server, string Url, string Kind) Start(string html, string root, string benchDll)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, PagePath.TrimStart('/')), html);
        var nginx = Tools.Find("nginx") ?? (File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null);
        if (nginx is not null)
        {
            var server = Nginx.Start(nginx, root);
            return (server, server.BaseUrl + PagePath, "nginx");
        }
        var kestrel = ChildProcess.StartDotnet(benchDll, ["serve-static", "--root", root], new Dictionary<string, string>());
        kestrel.WaitUntilServing(PagePath, TimeSpan.FromSeconds(30));
        return (kestrel, kestrel.BaseUrl + PagePath, "kestrel-static");
    }

    /// <summary>The <c>serve-static</c> command: Kestrel with nothing but static files, logging off.</summary>
    public static int Serve(string[] args)
    {
        var at = Array.IndexOf(args, "--root");
        if (at < 0 || at + 1 >= args.Length)
        {
            throw new ArgumentException("serve-static needs --root DIR");
        }
        var root = Path.GetFullPath(args[at + 1]);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [.. args[..at], .. args[(at + 2)..]],
            ContentRootPath = root,
            WebRootPath = root,
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseStaticFiles();
        app.Run();
        return 0;
    }

    /// <summary>nginx in the foreground with a private config, two workers (one per core), no access log.</summary>
    private sealed class Nginx : IDisposable
    {
        private readonly Process _process;

        private Nginx(Process process, string baseUrl)
        {
            _process = process;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        public static Nginx Start(string nginx, string root)
        {
            var port = ChildProcess.FreePort();
            var prefix = Path.Combine(root, "..", "nginx");
            Directory.CreateDirectory(prefix);
            var config = Path.Combine(prefix, "nginx.conf");
            File.WriteAllText(config, $$"""
                daemon off;
                {{(Environment.UserName == "root" ? "user root;" : "")}}
                worker_processes 2;
                pid {{prefix}}/nginx.pid;
                error_log {{prefix}}/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path {{prefix}};
                    proxy_temp_path {{prefix}};
                    fastcgi_temp_path {{prefix}};
                    uwsgi_temp_path {{prefix}};
                    scgi_temp_path {{prefix}};
                    default_type text/html;
                    sendfile on;
                    keepalive_requests 100000;
                    server {
                        listen 127.0.0.1:{{port}};
                        root {{root}};
                    }
                }
                """);
            var info = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "-p", prefix, "-c", config })
            {
                info.ArgumentList.Add(arg);
            }
            var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start nginx");
            var server = new Nginx(process, $"http://127.0.0.1:{port}");
            using var client = new HttpClient();
            for (var i = 0; i < 100; i++)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"nginx exited: {process.StandardError.ReadToEnd()}");
                }
                try
                {
                    if (client.GetAsync(server.BaseUrl + PagePath).GetAwaiter().GetResult().IsSuccessStatusCode)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                }
                Thread.Sleep(50);
            }
            server.Dispose();
            throw new TimeoutException("nginx did not start serving");
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                // Killing the master by its id; its workers exit with it (they watch the master).
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            _process.Dispose();
        }
    }
}
