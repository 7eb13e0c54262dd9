// What every function class uses: the HTTP and Functions types, and this project's shared HTTP behaviour.
global using Leaflets.Functions.Http;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.Azure.Functions.Worker;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
