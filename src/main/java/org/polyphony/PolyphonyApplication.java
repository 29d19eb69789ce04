package org.polyphony;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PolyphonyApplication {
    public static void main(String[] args) {
        SpringApplication.run(PolyphonyApplication.class, args);
    }
}
