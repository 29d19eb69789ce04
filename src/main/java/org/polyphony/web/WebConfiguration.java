package org.polyphony.web;

import gg.jte.TemplateEngine;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.polyphony.database.DatabaseAvailability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Before everything that may reach for the database: the session repository, security, the controllers. */
    @Bean
    FilterRegistrationBean<DatabaseGate> databaseGate(
            DatabaseAvailability availability,
            TemplateEngine templates,
            MessageSource messages,
            ObjectProvider<ResourceUrlProvider> assets) {
        FilterRegistrationBean<DatabaseGate> registration =
                new FilterRegistrationBean<>(new DatabaseGate(availability, templates, messages, assets));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    LocaleResolver localeResolver(List<PreferredLanguageSource> accountPreferences) {
        return new UiLanguageResolver(accountPreferences);
    }
}
