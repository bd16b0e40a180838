from misc.proxy_server.server import main

main()
