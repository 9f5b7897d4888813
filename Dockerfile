# One image for every process of the cluster: the silo and the HTTP facade.
# Built from this repository on the SDK line global.json pins.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Wallet.Orleans.sln ./
COPY grains.interfaces/ grains.interfaces/
COPY grains/ grains/
COPY silo/ silo/
COPY client-api/ client-api/
COPY web/ web/
RUN dotnet publish silo/Wallet.Silo.csproj -c Release -o /app/silo \
 && dotnet publish client-api/Wallet.ClientApi.csproj -c Release -o /app/client-api

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The fonts statements and receipts are drawn with as PDF (Latin and Chinese TrueType).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-dejavu-core fonts-droid-fallback \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The image runs as the unprivileged user the base image provides.
USER app
ENTRYPOINT ["dotnet", "/app/silo/Wallet.Silo.dll"]
