package org.polyphony;

import java.util.Arrays;
import org.polyphony.opinions.OpinionsCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PolyphonyApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("opinions")) {
            // a command-line tool: needs neither the web application nor the database
            System.exit(OpinionsCommandLine.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(PolyphonyApplication.class, args);
    }
}
